import type { Provider } from "@/lib/integrations/providers";
import type { Executor } from "@/db/queries/tx";
import { insertNotification, insertNotificationRecords } from "@/db/queries/notifications";
import {
  findOpenDigest,
  getDigest,
  getMappingDigestMinutes,
  insertOpenDigest,
  linkDigestEvent,
  markDigestClosed,
  scheduleDigestClose,
  updateOpenDigest,
} from "@/db/queries/digests";
import type { EventOf } from "@/lib/integrations/ingest/events";
import { newId } from "./planner";
import { planDigestEmail, storedRecordOf } from "./mapping-email";
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
 * Mapping errors into digests (docs/product R7, R23), inside the ingestion
 * transaction. The first event opens a digest — a notification with no
 * messages yet, its records stored, a `digest_close` timer at the window's
 * end — later events in the window append their records and raise the
 * totals, and when the window closes (the scheduler, or the first event
 * after it) the digest is planned into messages with the merged props
 * (mapping-email.ts). A window of 0 minutes closes as it opens: the event's
 * digest is written and planned at once, in the event's transaction, never
 * open, so it holds no open-digest slot and needs no timer. Window rules:
 * lib/notifications/digest-state.ts.
 */

type MappingData = EventOf<"contacts.mapping_failed">["data"];
type OpenDigest = Awaited<ReturnType<typeof findOpenDigest>>;

/** Returns the ids of the messages planned now (none while the event waits in an open digest). */
export async function acceptMappingErrors(input: {
  tx: Executor;
  companyId: string;
  provider: Provider;
  eventId: string;
  occurredAt: Date;
  now: Date;
  data: MappingData;
}): Promise<string[]> {
  const { tx, companyId, provider, eventId, occurredAt, now, data } = input;
  const minutes = await getMappingDigestMinutes({ tx, companyId });
  const event: DigestInput = {
    occurredAt,
    direction: data.direction,
    object: data.object,
    totalRecords: data.totalRecords,
    errorCount: data.errors.length,
  };
  const records = data.errors.map(storedRecordOf);
  if (minutes === 0) {
    // Written as its own one-event digest, then planned like any closing one.
    const id = newId("ntf");
    const state = openDigestState(event);
    await insertNotification({
      tx,
      row: { id, companyId, provider, kind: "mapping_errors", eventId, props: state, recordCount: records.length, createdAt: now },
    });
    await insertNotificationRecords({ tx, notificationId: id, records });
    return await planDigestEmail({ tx, digest: { id, companyId, provider, eventId, recordCount: records.length, state }, now });
  }
  const digestKey = digestKeyOf(data);
  const planned: string[] = [];

  let open: OpenDigest | undefined = await findOpenDigest({ tx, companyId, provider, digestKey });
  if (open && !withinWindow(now, open.windowClosesAt!)) {
    // Its timer has not run yet: close it here, so this event starts a window of its own.
    planned.push(...(await closeDigest({ tx, companyId, notificationId: open.id, now })));
    open = undefined;
  }
  if (!open) {
    const id = newId("ntf");
    const closesAt = windowClosesAt(now, minutes);
    const opened = await insertOpenDigest({
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
      await insertNotificationRecords({ tx, notificationId: id, records });
      await linkDigestEvent({ tx, notificationId: id, eventId });
      await scheduleDigestClose({ tx, companyId, notificationId: id, dueAt: closesAt, now });
      return planned;
    }
    // Another transaction opened it first (the unique index said no): join that one.
    open = await findOpenDigest({ tx, companyId, provider, digestKey });
    if (!open) throw new Error(`mapping digest for ${companyId}/${provider}/${digestKey} neither opened nor found`);
  }
  await insertNotificationRecords({ tx, notificationId: open.id, records });
  await linkDigestEvent({ tx, notificationId: open.id, eventId });
  await updateOpenDigest({
    tx,
    companyId,
    id: open.id,
    props: mergeDigestState(open.props as DigestState, event),
    addedRecords: records.length,
  });
  return planned;
}

/** Plans an open digest's messages with its merged props; [] when it is already closed. */
export async function closeDigest({
  tx,
  companyId,
  notificationId,
  now,
}: {
  tx: Executor;
  companyId: string;
  notificationId: string;
  now: Date;
}): Promise<string[]> {
  const digest = await getDigest({ tx, companyId, id: notificationId });
  if (!digest || digest.digestStatus !== "open" || !digest.provider) return [];
  if (!(await markDigestClosed({ tx, companyId, id: notificationId, now }))) return [];
  return await planDigestEmail({
    tx,
    digest: {
      id: digest.id,
      companyId,
      provider: digest.provider,
      eventId: digest.eventId,
      recordCount: digest.recordCount,
      state: digest.props as DigestState,
    },
    now,
  });
}
