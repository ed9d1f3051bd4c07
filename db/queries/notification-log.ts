import "server-only";
import { and, asc, count, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { events, messages, notificationRecords, notifications } from "@/db/schema";
import type { MessageCursor } from "./messages";
import { encodeCursor } from "./messages";

/*
 * Notifications and their affected records as the app lists them, within one
 * company (SPEC R1, R27).
 */

export function listCompanyNotifications({
  companyId,
  before,
  limit = 50,
}: {
  companyId: string;
  before?: MessageCursor | null;
  limit?: number;
}) {
  const page = before
    ? and(
        eq(notifications.companyId, companyId),
        or(lt(notifications.createdAt, before.at), and(eq(notifications.createdAt, before.at), lt(notifications.id, before.id))),
      )
    : eq(notifications.companyId, companyId);
  const rows = db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      provider: notifications.provider,
      eventId: notifications.eventId,
      noRecipients: notifications.noRecipients,
      recordCount: notifications.recordCount,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(page)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit + 1)
    .all();
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  const ids = items.map((n) => n.id);
  const parts = ids.length
    ? db
        .select({
          notificationId: messages.notificationId,
          id: messages.id,
          part: messages.part,
          status: messages.status,
          subject: messages.subject,
          recipients: sql<number>`json_array_length(${messages.to})`,
        })
        .from(messages)
        .where(and(eq(messages.companyId, companyId), inArray(messages.notificationId, ids)))
        .orderBy(asc(messages.part))
        .all()
    : [];
  const last = items.at(-1);
  return {
    items: items.map((n) => ({ ...n, messages: parts.filter((p) => p.notificationId === n.id) })),
    next: more && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

export type NotificationListItem = ReturnType<typeof listCompanyNotifications>["items"][number];

export function getCompanyNotification({ companyId, id }: { companyId: string; id: string }) {
  return (
    db
      .select({
        id: notifications.id,
        kind: notifications.kind,
        provider: notifications.provider,
        eventId: notifications.eventId,
        eventType: events.type,
        occurredAt: events.occurredAt,
        noRecipients: notifications.noRecipients,
        recordCount: notifications.recordCount,
        createdAt: notifications.createdAt,
        props: notifications.props,
      })
      .from(notifications)
      .leftJoin(events, eq(events.id, notifications.eventId))
      .where(and(eq(notifications.companyId, companyId), eq(notifications.id, id)))
      .get() ?? null
  );
}

/** Record codes of one notification with their counts, largest first. */
export function countRecordsByCode({ companyId, notificationId }: { companyId: string; notificationId: string }) {
  return db
    .select({ code: notificationRecords.code, count: count() })
    .from(notificationRecords)
    .innerJoin(notifications, eq(notifications.id, notificationRecords.notificationId))
    .where(and(eq(notifications.companyId, companyId), eq(notificationRecords.notificationId, notificationId)))
    .groupBy(notificationRecords.code)
    .orderBy(desc(count()), asc(notificationRecords.code))
    .all();
}

export function listRecords({
  companyId,
  notificationId,
  code,
  offset = 0,
  limit,
}: {
  companyId: string;
  notificationId: string;
  code?: string | null;
  offset?: number;
  limit?: number;
}) {
  const scope = and(
    eq(notifications.companyId, companyId),
    eq(notificationRecords.notificationId, notificationId),
    code ? eq(notificationRecords.code, code) : undefined,
  );
  const query = db
    .select({
      id: notificationRecords.id,
      recordId: notificationRecords.recordId,
      recordName: notificationRecords.recordName,
      recordEmail: notificationRecords.recordEmail,
      field: notificationRecords.field,
      crmProperty: notificationRecords.crmProperty,
      code: notificationRecords.code,
      message: notificationRecords.message,
    })
    .from(notificationRecords)
    .innerJoin(notifications, eq(notifications.id, notificationRecords.notificationId))
    .where(scope)
    .orderBy(asc(notificationRecords.id));
  return limit === undefined ? query.all() : query.limit(limit).offset(offset).all();
}

export type RecordRow = ReturnType<typeof listRecords>[number];
