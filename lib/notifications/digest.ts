import type { Provider } from "@/lib/integrations/providers";
import type { Executor } from "@/db/queries/tx";
import type { NewRecord } from "@/db/queries/notifications";
import { insertNotificationRecords } from "@/db/queries/notifications";
import {
  findOpenDigest,
  getDigest,
  getMappingDigestMinutes,
  insertOpenDigest,
  linkDigestEvent,
  markDigestClosed,
  scheduleDigestClose,
  summarizeDigestRecords,
  updateOpenDigest,
} from "@/db/queries/digests";
import type { EventOf } from "@/lib/integrations/ingest/events";
import type { MappingErrorRecord } from "./email-props";
import { tipFor } from "./mapping-tips";
import { newId, planNotification } from "./planner";
import { planMappingErrors, RECORDS_IN_EMAIL } from "./plan-report-emails";
import {
  digestKeyOf,
  mergeDigestState,
  openDigestState,
  windowClosesAt,
  withinWindow,
  type DigestInput,
  type DigestState,
} from "./digest-state";

/*
 * Mapping errors into digests (SPEC R7, R23), inside the ingestion
 * transaction. With a window of 0 minutes every event is its own email. With
 * a window, the first event opens a digest — a notification with no messages
 * yet, its records stored, a `digest_close` timer at the window's end —
 * later events in the window append their records and raise the totals, and
 * when the window closes (the scheduler, or the first event after it) the
 * digest is planned into messages with the merged props: errors grouped by
 * code with counts, the first 25 records, "and N more" linking to
 * /notifications/{digest id}/records. Window rules: lib/notifications/digest-state.ts.
 */

type MappingData = EventOf<"contacts.mapping_failed">["data"];

function toRecord(e: MappingData["errors"][number]): NewRecord {
  return {
    recordId: e.recordId,
    recordName: e.recordName ?? null,
    recordEmail: e.recordEmail ?? null,
    field: e.field ?? null,
    crmProperty: e.crmProperty ?? null,
    code: e.code,
    message: e.message,
  };
}

/** Returns the ids of the messages planned now (none while the event waits in an open digest). */
export function acceptMappingErrors(input: {
  tx: Executor;
  companyId: string;
  provider: Provider;
  eventId: string;
  occurredAt: Date;
  now: Date;
  data: MappingData;
}): string[] {
  const { tx, companyId, provider, eventId, occurredAt, now, data } = input;
  const minutes = getMappingDigestMinutes({ tx, companyId });
  if (minutes === 0) {
    return planMappingErrors({ tx, companyId, provider, now, eventId, occurredAt, data }).messageIds;
  }
  const digestKey = digestKeyOf(data);
  const event: DigestInput = {
    occurredAt,
    direction: data.direction,
    object: data.object,
    totalRecords: data.totalRecords,
    errorCount: data.errors.length,
  };
  const records = data.errors.map(toRecord);
  const planned: string[] = [];

  let open = findOpenDigest({ tx, companyId, provider, digestKey });
  if (open && !withinWindow(now, open.windowClosesAt!)) {
    // Its timer has not run yet: close it here, so this event starts a window of its own.
    planned.push(...closeDigest({ tx, companyId, notificationId: open.id, now }));
    open = undefined;
  }
  if (!open) {
    const id = newId("ntf");
    const closesAt = windowClosesAt(now, minutes);
    const opened = insertOpenDigest({
      tx,
      row: {
        id,
        companyId,
        provider,
        kind: "mapping_errors",
        eventId,
        props: openDigestState(event),
        recordCount: records.length,
        windowClosesAt: closesAt,
        digestKey,
        createdAt: now,
      },
    });
    if (opened) {
      insertNotificationRecords({ tx, notificationId: id, records });
      linkDigestEvent({ tx, notificationId: id, eventId });
      scheduleDigestClose({ tx, companyId, notificationId: id, dueAt: closesAt, now });
      return planned;
    }
    // Another transaction opened it first (the unique index said no): join that one.
    open = findOpenDigest({ tx, companyId, provider, digestKey });
    if (!open) throw new Error(`mapping digest for ${companyId}/${provider}/${digestKey} neither opened nor found`);
  }
  insertNotificationRecords({ tx, notificationId: open.id, records });
  linkDigestEvent({ tx, notificationId: open.id, eventId });
  updateOpenDigest({
    tx,
    companyId,
    id: open.id,
    props: mergeDigestState(open.props as DigestState, event),
    addedRecords: records.length,
  });
  return planned;
}

/** Plans an open digest's messages with its merged props; [] when it is already closed. */
export function closeDigest({
  tx,
  companyId,
  notificationId,
  now,
}: {
  tx: Executor;
  companyId: string;
  notificationId: string;
  now: Date;
}): string[] {
  const digest = getDigest({ tx, companyId, id: notificationId });
  if (!digest || digest.digestStatus !== "open" || !digest.provider) return [];
  if (!markDigestClosed({ tx, companyId, id: notificationId, now })) return [];
  const provider = digest.provider;
  const state = digest.props as DigestState;
  const { groups, first } = summarizeDigestRecords({ tx, notificationId, listed: RECORDS_IN_EMAIL });
  const listed: MappingErrorRecord[] = first.map((r) => ({
    recordId: r.recordId ?? "",
    ...(r.recordName ? { recordName: r.recordName } : {}),
    ...(r.recordEmail ? { recordEmail: r.recordEmail } : {}),
    ...(r.field ? { field: r.field } : {}),
    ...(r.crmProperty ? { crmProperty: r.crmProperty } : {}),
    code: r.code,
    message: r.message,
  }));
  const totalRecords = Math.max(state.totalRecords, digest.recordCount);
  return planNotification(tx, {
    companyId,
    provider,
    kind: "mapping_errors",
    eventId: digest.eventId ?? undefined,
    now,
    existingNotificationId: notificationId,
    buildProps: ({ notificationId: id, appUrl }) => ({
      direction: state.direction,
      object: state.object,
      firstAt: state.firstAt,
      lastAt: state.lastAt,
      eventCount: state.eventCount,
      totalRecords,
      detailedRecords: digest.recordCount,
      groups: groups.map((g) => ({ code: g.code, count: g.count, tip: tipFor(g.code) })),
      records: listed,
      recordsUrl: `${appUrl}/notifications/${id}/records`,
      mappingUrl: `${appUrl}/integrations/${provider}/settings/mapping`,
    }),
  }).messageIds;
}
