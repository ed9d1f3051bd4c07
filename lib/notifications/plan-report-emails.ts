import type { SyncReportMode } from "@/db/schema";
import type { Provider } from "@/lib/integrations/providers";
import type { Executor } from "@/db/queries/tx";
import type { EventOf } from "@/lib/integrations/ingest/events";
import type { MappingErrorRecord } from "./email-props";
import { tipFor } from "./mapping-tips";
import { planNotification, type PlannedNotification } from "./planner";

/*
 * Mapping-error and sync-report emails (SPEC R23, R27, R28). The email lists
 * the first 25 records; every record the worker detailed is stored with the
 * notification for /notifications/{id}/records. A worker may report more
 * failures than it details (record-coverage.ts): the props carry both counts.
 */

export const RECORDS_IN_EMAIL = 25;

type Base = { tx: Executor; companyId: string; provider: Provider; now: Date; eventId?: string };

/** Error groups by code, largest first (ties by code, so the order is stable). */
export function groupByCode(errors: { code: string }[]): { code: string; count: number; tip: string }[] {
  const counts = new Map<string, number>();
  for (const e of errors) counts.set(e.code, (counts.get(e.code) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([code, count]) => ({ code, count, tip: tipFor(code) }));
}

function toRecord(e: EventOf<"contacts.mapping_failed">["data"]["errors"][number]): MappingErrorRecord {
  return {
    recordId: e.recordId,
    ...(e.recordName ? { recordName: e.recordName } : {}),
    ...(e.recordEmail ? { recordEmail: e.recordEmail } : {}),
    ...(e.field ? { field: e.field } : {}),
    ...(e.crmProperty ? { crmProperty: e.crmProperty } : {}),
    code: e.code,
    message: e.message,
  };
}

export function planMappingErrors(
  input: Base & { occurredAt: Date; data: EventOf<"contacts.mapping_failed">["data"] },
): PlannedNotification {
  const { data } = input;
  const records = data.errors.map(toRecord);
  const totalRecords = data.totalRecords ?? records.length;
  const listed = records.slice(0, RECORDS_IN_EMAIL);
  const at = input.occurredAt.toISOString();
  return planNotification(input.tx, {
    companyId: input.companyId,
    provider: input.provider,
    kind: "mapping_errors",
    eventId: input.eventId,
    now: input.now,
    records,
    buildProps: ({ notificationId, appUrl }) => ({
      direction: data.direction,
      object: data.object ?? "contact",
      firstAt: at,
      lastAt: at,
      eventCount: 1,
      totalRecords,
      detailedRecords: records.length,
      groups: groupByCode(records),
      records: listed,
      recordsUrl: `${appUrl}/notifications/${notificationId}/records`,
      mappingUrl: `${appUrl}/integrations/${input.provider}/settings/mapping`,
    }),
  });
}

type SyncData = EventOf<"sync.completed">["data"];

/** Whether the company's data-sync setting (SPEC R7) wants this report. */
export function wantsSyncReport(mode: SyncReportMode, data: Pick<SyncData, "counts" | "warnings">): boolean {
  if (mode === "off") return false;
  if (mode === "always") return true;
  return data.counts.failed > 0 || (data.warnings?.length ?? 0) > 0;
}

export function planSyncReport(input: Base & { data: SyncData }): PlannedNotification {
  const { data } = input;
  const failures = data.failures ?? [];
  const listed = failures.slice(0, RECORDS_IN_EMAIL);
  return planNotification(input.tx, {
    companyId: input.companyId,
    provider: input.provider,
    kind: "sync_report",
    eventId: input.eventId,
    now: input.now,
    records: failures.map((f) => ({ recordId: f.recordId ?? null, code: f.code, message: f.message })),
    buildProps: ({ notificationId, appUrl }) => ({
      operation: data.operation,
      startedAt: new Date(data.startedAt).toISOString(),
      finishedAt: new Date(data.finishedAt).toISOString(),
      counts: data.counts,
      warnings: data.warnings ?? [],
      failures: listed,
      detailedFailures: failures.length,
      ...(data.view ? { view: data.view } : {}),
      followUps: data.followUps ?? [],
      reportUrl: `${appUrl}/notifications/${notificationId}`,
      recordsUrl: `${appUrl}/notifications/${notificationId}/records`,
    }),
  });
}
