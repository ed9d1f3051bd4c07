import type { SyncReportMode } from "@/db/schema";
import type { Provider } from "@/lib/integrations/providers";
import type { Executor } from "@/db/queries/tx";
import type { EventOf } from "@/lib/integrations/ingest/events";
import { planNotification, type PlannedNotification } from "./planner";
import { RECORDS_IN_EMAIL } from "./record-coverage";

/*
 * The data-sync report of a `sync.completed` event (docs/product R7, R27, R28). The
 * email lists the first 25 failures; every failure the worker detailed is
 * stored with the notification for /notifications/{id}/records. A worker may
 * report more failures than it details (record-coverage.ts): the props carry
 * both counts. Mapping errors are planned as digests (digest.ts).
 */

type SyncData = EventOf<"sync.completed">["data"];

/** Whether the company's data-sync setting (docs/product R7) wants this report. */
export function wantsSyncReport(mode: SyncReportMode, data: Pick<SyncData, "counts" | "warnings">): boolean {
  if (mode === "off") return false;
  if (mode === "always") return true;
  return data.counts.failed > 0 || (data.warnings?.length ?? 0) > 0;
}

export async function planSyncReport(input: {
  tx: Executor;
  companyId: string;
  provider: Provider;
  now: Date;
  eventId?: string;
  data: SyncData;
}): Promise<PlannedNotification> {
  const { data } = input;
  const failures = data.failures ?? [];
  const listed = failures.slice(0, RECORDS_IN_EMAIL);
  return await planNotification(input.tx, {
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
