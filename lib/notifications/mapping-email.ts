import type { Provider } from "@/lib/integrations/providers";
import type { Executor } from "@/db/queries/tx";
import type { NewRecord } from "@/db/queries/notifications";
import { summarizeDigestRecords } from "@/db/queries/digests";
import type { EventOf } from "@/lib/integrations/ingest/events";
import type { MappingErrorRecord } from "./email-props";
import type { DigestState } from "./digest-state";
import { tipFor } from "./mapping-tips";
import { planNotification } from "./planner";
import { RECORDS_IN_EMAIL } from "./record-coverage";

/*
 * The email a mapping-error digest becomes (docs/product R23, R27, R28), whether its
 * window was 0 minutes or longer. The error groups and the listed records are
 * read back from the records stored with the digest, so the email, the
 * records page and its CSV are built from the same rows, and one event sent
 * at once reads exactly like the same event closed in a window.
 */

type MappingError = EventOf<"contacts.mapping_failed">["data"]["errors"][number];

/** An event's error as stored with the digest. An empty optional text is no value, so the records page falls back as for a missing one. */
export function storedRecordOf(e: MappingError): NewRecord {
  return {
    recordId: e.recordId,
    recordName: e.recordName || null,
    recordEmail: e.recordEmail || null,
    field: e.field || null,
    crmProperty: e.crmProperty || null,
    code: e.code,
    message: e.message,
  };
}

type StoredRecord = Awaited<ReturnType<typeof summarizeDigestRecords>>["first"][number];

function listedRecordOf(r: StoredRecord): MappingErrorRecord {
  return {
    recordId: r.recordId ?? "",
    ...(r.recordName ? { recordName: r.recordName } : {}),
    ...(r.recordEmail ? { recordEmail: r.recordEmail } : {}),
    ...(r.field ? { field: r.field } : {}),
    ...(r.crmProperty ? { crmProperty: r.crmProperty } : {}),
    code: r.code,
    message: r.message,
  };
}

export type DigestToPlan = {
  id: string;
  companyId: string;
  provider: Provider;
  eventId: string | null;
  recordCount: number; // records stored with it
  state: DigestState;
};

/** Plans the messages of a digest whose records are stored, with its final props; returns their ids. */
export async function planDigestEmail({ tx, digest, now }: { tx: Executor; digest: DigestToPlan; now: Date }): Promise<string[]> {
  const { provider, state, recordCount } = digest;
  const { groups, first } = await summarizeDigestRecords({ tx, notificationId: digest.id, listed: RECORDS_IN_EMAIL });
  const planned = await planNotification(tx, {
    companyId: digest.companyId,
    provider,
    kind: "mapping_errors",
    eventId: digest.eventId ?? undefined,
    now,
    existingNotificationId: digest.id,
    buildProps: ({ notificationId, appUrl }) => ({
      direction: state.direction,
      object: state.object,
      firstAt: state.firstAt,
      lastAt: state.lastAt,
      eventCount: state.eventCount,
      totalRecords: Math.max(state.totalRecords, recordCount),
      detailedRecords: recordCount,
      groups: groups.map((g) => ({ code: g.code, count: g.count, tip: tipFor(g.code) })),
      records: first.map(listedRecordOf),
      recordsUrl: `${appUrl}/notifications/${notificationId}/records`,
      mappingUrl: `${appUrl}/integrations/${provider}/settings/mapping`,
    }),
  });
  return planned.messageIds;
}
