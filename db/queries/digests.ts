import "server-only";
import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import { notificationEvents, notificationRecords, notifications, reportSettings, scheduledJobs, type NewNotification } from "@/db/schema";
import type { Provider } from "@/lib/integrations/providers";
import { recordColumns } from "./notifications";
import { columnParams, param, preparedInsert, preparedOnce } from "./prepared";
import type { Executor } from "./tx";
import { REPORT_SETTINGS_DEFAULTS } from "@/lib/report-settings/defaults";

/*
 * Mapping-error digests (docs/product R23), always on the caller's transaction
 * `tx` and within one company. The partial unique index notifications_open_digest
 * allows one open digest per (company, integration, key): a second "first
 * event" racing the first cannot open another, whatever the transaction mode.
 */

const digestMinutesOf = preparedOnce((tx) =>
  tx
    .select({ minutes: reportSettings.mappingDigestMinutes })
    .from(reportSettings)
    .where(eq(reportSettings.companyId, param("companyId")))
    .limit(1)
    .prepare(),
);

export async function getMappingDigestMinutes({ tx, companyId }: { tx: Executor; companyId: string }): Promise<number> {
  const [row] = await digestMinutesOf(tx).execute({ companyId });
  return row?.minutes ?? REPORT_SETTINGS_DEFAULTS.mappingDigestMinutes;
}

const digestColumns = {
  id: notifications.id,
  companyId: notifications.companyId,
  provider: notifications.provider,
  eventId: notifications.eventId,
  props: notifications.props,
  recordCount: notifications.recordCount,
  windowClosesAt: notifications.windowClosesAt,
  digestStatus: notifications.digestStatus,
};

// Written as a literal, not a bound value: SQLite matches it to the partial index notifications_open_digest
// without recompiling the statement on every run to check what was bound.
const isOpen = sql`${notifications.digestStatus} = 'open'`;

const openDigestOf = preparedOnce((tx) =>
  tx
    .select(digestColumns)
    .from(notifications)
    .where(
      and(
        eq(notifications.companyId, param("companyId")),
        eq(notifications.provider, param("provider")),
        eq(notifications.digestKey, param("digestKey")),
        isOpen,
      ),
    )
    .limit(1)
    .prepare(),
);

export async function findOpenDigest({
  tx,
  companyId,
  provider,
  digestKey,
}: {
  tx: Executor;
  companyId: string;
  provider: Provider;
  digestKey: string;
}) {
  const [row] = await openDigestOf(tx).execute({ companyId, provider, digestKey });
  return row;
}

export async function getDigest({ tx, companyId, id }: { tx: Executor; companyId: string; id: string }) {
  const [row] = await tx
    .select(digestColumns)
    .from(notifications)
    .where(and(eq(notifications.companyId, companyId), eq(notifications.id, id)))
    .limit(1);
  return row;
}

const insertDigestRow = preparedInsert(notifications, { onConflictDoNothing: true, returning: { id: notifications.id } });

/** Opens a digest; false when another one is already open for the same key (the unique index). */
export async function insertOpenDigest({ tx, row }: { tx: Executor; row: NewNotification & { digestKey: string } }): Promise<boolean> {
  const opened = await insertDigestRow(tx, { ...row, digestStatus: "open" });
  return opened.length === 1;
}

/** Raises a digest's totals after an event's records were appended. */
export async function updateOpenDigest({
  tx,
  companyId,
  id,
  props,
  addedRecords,
}: {
  tx: Executor;
  companyId: string;
  id: string;
  props: unknown;
  addedRecords: number;
}): Promise<void> {
  await raiseOpenDigest(tx).execute({ companyId, id, props, addedRecords });
}

const raiseOpenDigest = preparedOnce((tx) =>
  tx
    .update(notifications)
    .set({ ...columnParams(notifications, ["props"]), recordCount: sql`${notifications.recordCount} + ${param("addedRecords")}` })
    .where(and(eq(notifications.companyId, param("companyId")), eq(notifications.id, param("id")), isOpen))
    .prepare(),
);

const insertDigestEvent = preparedInsert(notificationEvents, { onConflictDoNothing: true });
const insertJob = preparedInsert(scheduledJobs);

export async function linkDigestEvent({ tx, notificationId, eventId }: { tx: Executor; notificationId: string; eventId: string }) {
  await insertDigestEvent(tx, { notificationId, eventId });
}

export async function scheduleDigestClose({
  tx,
  companyId,
  notificationId,
  dueAt,
  now,
}: {
  tx: Executor;
  companyId: string;
  notificationId: string;
  dueAt: Date;
  now: Date;
}): Promise<void> {
  await insertJob(tx, { companyId, kind: "digest_close", notificationId, dueAt, status: "pending", createdAt: now });
}

/** Marks the digest closed; true only for the one caller that closed it. */
export async function markDigestClosed({
  tx,
  companyId,
  id,
  now,
}: {
  tx: Executor;
  companyId: string;
  id: string;
  now: Date;
}): Promise<boolean> {
  const closed = await tx
    .update(notifications)
    .set({ digestStatus: "closed" })
    .where(and(eq(notifications.companyId, companyId), eq(notifications.id, id), eq(notifications.digestStatus, "open")))
    .returning({ id: notifications.id });
  if (closed.length !== 1) return false;
  // closed early (an event after the window, before its timer ran): the timer has nothing left to do
  await tx
    .update(scheduledJobs)
    .set({ status: "done", doneAt: now })
    .where(and(eq(scheduledJobs.notificationId, id), eq(scheduledJobs.kind, "digest_close"), eq(scheduledJobs.status, "pending")));
  return true;
}

/** Error codes with counts (largest first, ties by code) and the first records as stored, for the email. */
export async function summarizeDigestRecords({ tx, notificationId, listed }: { tx: Executor; notificationId: string; listed: number }) {
  const groups = await tx
    .select({ code: notificationRecords.code, count: count() })
    .from(notificationRecords)
    .where(eq(notificationRecords.notificationId, notificationId))
    .groupBy(notificationRecords.code)
    .orderBy(desc(count()), asc(notificationRecords.code));
  const first = await tx
    .select(recordColumns)
    .from(notificationRecords)
    .where(eq(notificationRecords.notificationId, notificationId))
    .orderBy(asc(notificationRecords.id))
    .limit(listed);
  return { groups, first };
}
