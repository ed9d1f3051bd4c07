import "server-only";
import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import { notificationEvents, notificationRecords, notifications, reportSettings, scheduledJobs, type NewNotification } from "@/db/schema";
import type { Provider } from "@/lib/integrations/providers";
import { recordColumns } from "./notifications";
import { preparedInsert, preparedOnce } from "./prepared";
import type { Executor } from "./tx";
import { REPORT_SETTINGS_DEFAULTS } from "@/lib/report-settings/defaults";

/*
 * Mapping-error digests (docs/product R23), always inside the caller's transaction
 * and within one company. The partial unique index notifications_open_digest
 * allows one open digest per (company, integration, key): a second "first
 * event" racing the first cannot open another, whatever the transaction mode.
 */

const digestMinutesOf = preparedOnce((d) =>
  d
    .select({ minutes: reportSettings.mappingDigestMinutes })
    .from(reportSettings)
    .where(eq(reportSettings.companyId, sql.placeholder("companyId")))
    .prepare(),
);

export function getMappingDigestMinutes({ companyId }: { tx: Executor; companyId: string }): number {
  return digestMinutesOf().get({ companyId })?.minutes ?? REPORT_SETTINGS_DEFAULTS.mappingDigestMinutes;
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

const openDigestOf = preparedOnce((d) =>
  d
    .select(digestColumns)
    .from(notifications)
    .where(
      and(
        eq(notifications.companyId, sql.placeholder("companyId")),
        eq(notifications.provider, sql.placeholder("provider")),
        eq(notifications.digestKey, sql.placeholder("digestKey")),
        isOpen,
      ),
    )
    .prepare(),
);

export function findOpenDigest({
  companyId,
  provider,
  digestKey,
}: {
  tx: Executor;
  companyId: string;
  provider: Provider;
  digestKey: string;
}) {
  return openDigestOf().get({ companyId, provider, digestKey });
}

export function getDigest({ tx, companyId, id }: { tx: Executor; companyId: string; id: string }) {
  return tx
    .select(digestColumns)
    .from(notifications)
    .where(and(eq(notifications.companyId, companyId), eq(notifications.id, id)))
    .get();
}

// compiled once: a mapping-error event runs these on the request path
const insertDigestRow = preparedInsert(notifications, { onConflictDoNothing: "any" });
const insertDigestEvent = preparedInsert(notificationEvents, { onConflictDoNothing: "any" });
const insertJob = preparedInsert(scheduledJobs);

/** Opens a digest; false when another one is already open for the same key (the unique index). */
export function insertOpenDigest({ row }: { tx: Executor; row: NewNotification & { digestKey: string } }): boolean {
  return insertDigestRow({ ...row, digestStatus: "open" }).changes === 1;
}

/** Raises a digest's totals after an event's records were appended. */
// Prepared once: every mapping-error event inside a window raises its digest; props bound as stored (JSON text).
const raiseOpenDigest = preparedOnce((d) =>
  d
    .update(notifications)
    .set({ props: sql`${sql.placeholder("props")}`, recordCount: sql`${notifications.recordCount} + ${sql.placeholder("addedRecords")}` })
    .where(
      and(
        eq(notifications.companyId, sql.placeholder("companyId")),
        eq(notifications.id, sql.placeholder("id")),
        eq(notifications.digestStatus, "open"),
      ),
    )
    .prepare(),
);

export function updateOpenDigest({
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
}) {
  raiseOpenDigest().run({ props: JSON.stringify(props), addedRecords, companyId, id });
}

export function linkDigestEvent({ notificationId, eventId }: { tx: Executor; notificationId: string; eventId: string }) {
  insertDigestEvent({ notificationId, eventId });
}

export function scheduleDigestClose({
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
}) {
  insertJob({ companyId, kind: "digest_close", notificationId, dueAt, status: "pending", createdAt: now });
}

/** Marks the digest closed; true only for the one caller that closed it. */
export function markDigestClosed({ tx, companyId, id, now }: { tx: Executor; companyId: string; id: string; now: Date }): boolean {
  const closed = tx
    .update(notifications)
    .set({ digestStatus: "closed" })
    .where(and(eq(notifications.companyId, companyId), eq(notifications.id, id), eq(notifications.digestStatus, "open")))
    .run();
  if (closed.changes !== 1) return false;
  // closed early (an event after the window, before its timer ran): the timer has nothing left to do
  tx.update(scheduledJobs)
    .set({ status: "done", doneAt: now })
    .where(and(eq(scheduledJobs.notificationId, id), eq(scheduledJobs.kind, "digest_close"), eq(scheduledJobs.status, "pending")))
    .run();
  return true;
}

// Prepared once: a 0-minute window plans its digest on the request path, one event at a time.
const digestSummary = preparedOnce((d) => {
  const id = sql.placeholder("notificationId");
  return {
    groups: d
      .select({ code: notificationRecords.code, count: count() })
      .from(notificationRecords)
      .where(eq(notificationRecords.notificationId, id))
      .groupBy(notificationRecords.code)
      .orderBy(desc(count()), asc(notificationRecords.code))
      .prepare(),
    first: d
      .select(recordColumns)
      .from(notificationRecords)
      .where(eq(notificationRecords.notificationId, id))
      .orderBy(asc(notificationRecords.id))
      .limit(sql.placeholder("listed"))
      .prepare(),
  };
});

/** Error codes with counts (largest first, ties by code) and the first records as stored, for the email. */
export function summarizeDigestRecords({ notificationId, listed }: { tx: Executor; notificationId: string; listed: number }) {
  const q = digestSummary();
  return { groups: q.groups.all({ notificationId }), first: q.first.all({ notificationId, listed }) };
}
