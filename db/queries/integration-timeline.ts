import "server-only";
import { and, asc, desc, eq, gte, inArray, like } from "drizzle-orm";
import { db } from "@/db/client";
import { describeResolution, restoresAuthorization, type AlertResolution } from "@/lib/integrations/alert-resolution";
import { auditLog, events, messages, notificationEvents, notifications, type MessageStatus, type NotificationKind } from "@/db/schema";
import type { EventType } from "@/lib/integrations/ingest/event-types";
import type { Provider } from "@/lib/integrations/providers";

/*
 * The recent history of one CRM integration (its card on /integrations):
 * the events it received, each with the notification it led to (a mapping
 * digest collects several), and the notifications no event caused — the
 * re-auth reminder and deadline, an admin's Disable / Enable, a reconnect.
 * Within one company (docs/product R1); a handful of indexed reads per card.
 */

export type TimelineNotification = {
  id: string;
  kind: NotificationKind;
  statuses: MessageStatus[];
  collectingUntil: Date | null; // an open mapping digest
};

export type TimelineItem =
  | { type: "event"; id: string; at: Date; eventType: EventType; notifications: TimelineNotification[]; noEmailReason: string | null }
  | { type: "notification"; id: string; at: Date; notification: TimelineNotification };

export async function listIntegrationTimeline({
  companyId,
  provider,
  limit = 6,
}: {
  companyId: string;
  provider: Provider;
  limit?: number;
}): Promise<TimelineItem[]> {
  const recentEvents = await db
    .select({ id: events.id, type: events.type, receivedAt: events.receivedAt, noEmailReason: events.noEmailReason })
    .from(events)
    .where(and(eq(events.companyId, companyId), eq(events.provider, provider)))
    .orderBy(desc(events.receivedAt), desc(events.id))
    .limit(limit);
  const recentNotifications = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      eventId: notifications.eventId,
      createdAt: notifications.createdAt,
      windowClosesAt: notifications.windowClosesAt,
      digestStatus: notifications.digestStatus,
    })
    .from(notifications)
    // an email gallery preview is sample data: it never happened to this integration
    .where(and(eq(notifications.companyId, companyId), eq(notifications.provider, provider), eq(notifications.preview, false)))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
  const eventIds = recentEvents.map((e) => e.id);
  // notifications of the listed events: caused directly, or a digest they were merged into
  const linked = eventIds.length
    ? [
        ...(await db
          .select({ eventId: notifications.eventId, id: notifications.id })
          .from(notifications)
          .where(and(eq(notifications.companyId, companyId), inArray(notifications.eventId, eventIds)))),
        ...(await db
          .select({ eventId: notificationEvents.eventId, id: notificationEvents.notificationId })
          .from(notificationEvents)
          .innerJoin(notifications, eq(notifications.id, notificationEvents.notificationId))
          .where(and(eq(notifications.companyId, companyId), inArray(notificationEvents.eventId, eventIds)))),
      ]
    : [];
  const linkedIds = [...new Set(linked.map((l) => l.id))];
  const extra = linkedIds.filter((id) => !recentNotifications.some((n) => n.id === id));
  const allNotifications = [
    ...recentNotifications,
    ...(extra.length
      ? await db
          .select({
            id: notifications.id,
            kind: notifications.kind,
            eventId: notifications.eventId,
            createdAt: notifications.createdAt,
            windowClosesAt: notifications.windowClosesAt,
            digestStatus: notifications.digestStatus,
          })
          .from(notifications)
          .where(and(eq(notifications.companyId, companyId), inArray(notifications.id, extra)))
      : []),
  ];
  const ids = allNotifications.map((n) => n.id);
  const statuses = ids.length
    ? await db
        .select({ notificationId: messages.notificationId, status: messages.status })
        .from(messages)
        .where(and(eq(messages.companyId, companyId), inArray(messages.notificationId, ids)))
        .orderBy(messages.part)
    : [];
  const view = new Map<string, TimelineNotification>(
    allNotifications.map((n) => [
      n.id,
      {
        id: n.id,
        kind: n.kind,
        statuses: statuses.filter((s) => s.notificationId === n.id).map((s) => s.status),
        collectingUntil: n.digestStatus === "open" ? n.windowClosesAt : null,
      },
    ]),
  );

  const items: TimelineItem[] = recentEvents.map((e) => ({
    type: "event",
    id: e.id,
    at: e.receivedAt,
    eventType: e.type,
    noEmailReason: e.noEmailReason,
    notifications: [...new Set(linked.filter((l) => l.eventId === e.id).map((l) => l.id))].map((id) => view.get(id)!).filter(Boolean),
  }));
  for (const n of recentNotifications) {
    if (n.eventId || linkedIds.includes(n.id)) continue; // shown under its event (or its event is older than the list)
    items.push({ type: "notification", id: n.id, at: n.createdAt, notification: view.get(n.id)! });
  }
  return items.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
}

/**
 * The audited change that resolved the re-auth alert opened at or after
 * `since` (the latest reauth_required event): the first one that left the
 * authorization healthy. Undefined while it is still broken.
 */
export async function findAlertResolution({
  companyId,
  provider,
  since,
}: {
  companyId: string;
  provider: Provider;
  since: Date;
}): Promise<AlertResolution | undefined> {
  const rows = await db
    .select({
      createdAt: auditLog.createdAt,
      actorType: auditLog.actorType,
      actorLabel: auditLog.actorLabel,
      action: auditLog.action,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.companyId, companyId),
        eq(auditLog.entity, `integration:${provider}`),
        gte(auditLog.createdAt, since),
        like(auditLog.action, "integration.%"),
      ),
    )
    .orderBy(asc(auditLog.id))
    .limit(50);
  const row = rows.find((r) => restoresAuthorization(r.before, r.after));
  return row ? describeResolution(row) : undefined;
}
