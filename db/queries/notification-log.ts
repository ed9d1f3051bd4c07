import "server-only";
import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { events, notificationEvents, notificationRecords, notifications } from "@/db/schema";
import { recordColumns } from "./notifications";

/*
 * Notifications and their affected records as the app lists them, within one
 * company (docs/product R1, R27).
 */

export async function getCompanyNotification({ companyId, id }: { companyId: string; id: string }) {
  const [row] = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      provider: notifications.provider,
      eventId: notifications.eventId,
      eventType: events.type,
      occurredAt: events.occurredAt,
      noRecipients: notifications.noRecipients,
      preview: notifications.preview,
      recordCount: notifications.recordCount,
      createdAt: notifications.createdAt,
      props: notifications.props,
      windowClosesAt: notifications.windowClosesAt,
      digestStatus: notifications.digestStatus,
      // events merged into a mapping digest (0 for every other notification)
      mergedEvents: sql<number>`(select count(*) from ${notificationEvents} ne where ne.notification_id = ${notifications.id})`,
    })
    .from(notifications)
    .leftJoin(events, eq(events.id, notifications.eventId))
    .where(and(eq(notifications.companyId, companyId), eq(notifications.id, id)))
    .limit(1);
  return row ?? null;
}

/** Record codes of one notification with their counts, largest first. */
export async function countRecordsByCode({ companyId, notificationId }: { companyId: string; notificationId: string }) {
  return await db
    .select({ code: notificationRecords.code, count: count() })
    .from(notificationRecords)
    .innerJoin(notifications, eq(notifications.id, notificationRecords.notificationId))
    .where(and(eq(notifications.companyId, companyId), eq(notificationRecords.notificationId, notificationId)))
    .groupBy(notificationRecords.code)
    .orderBy(desc(count()), asc(notificationRecords.code));
}

export async function listRecords({
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
    .select({ id: notificationRecords.id, ...recordColumns })
    .from(notificationRecords)
    .innerJoin(notifications, eq(notifications.id, notificationRecords.notificationId))
    .where(scope)
    .orderBy(asc(notificationRecords.id));
  return limit === undefined ? await query : await query.limit(limit).offset(offset);
}

export type RecordRow = Awaited<ReturnType<typeof listRecords>>[number];
