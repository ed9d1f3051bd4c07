import type { Viewer } from "@/lib/auth/session";
import type { AuditActor } from "@/db/queries/audit";
import { countFailedMessages, listFailedMessageIds } from "@/db/queries/delivery-log";
import { retryFailedMessages } from "@/db/queries/message-retry";
import type { LogQuery } from "./delivery-log-filters";
import { nudgeWorker } from "./nudge";

/*
 * Manual retry of failed messages (docs/product R24, R27; R2: company and billing
 * admins). The caller has authorized the viewer; everything here is scoped to
 * the viewer's company. A retried message is queued again under a new
 * idempotency key `{id}:retry{n}` and sends the body stored for it, so the
 * recipients get exactly the email that failed.
 *
 * "Retry all failed" works in chunks against a snapshot time: it takes the
 * failed messages matching the filters that were planned at or before the
 * moment it started, so messages that fail again during the run are not
 * retried twice, and progress can be shown between chunks.
 */

export const BULK_RETRY_CHUNK = 25;

const actorOf = (viewer: Viewer): AuditActor => ({ type: "user", id: viewer.userId, label: `${viewer.name} <${viewer.email}>` });

export type RetryOneResult = { ok: true; message: string } | { ok: false; error: string };

export async function retryMessage({ viewer, messageId, now }: { viewer: Viewer; messageId: string; now: Date }): Promise<RetryOneResult> {
  const [retried] = await retryFailedMessages({ companyId: viewer.companyId, ids: [messageId], actor: actorOf(viewer), now });
  if (!retried) return { ok: false, error: "Only a failed message can be retried; this one is not failed (any more)." };
  nudgeWorker();
  return { ok: true, message: `Queued again (retry ${retried.retryCount}, key ${retried.idempotencyKey}).` };
}

export async function countRetryable({
  viewer,
  query,
  snapshot,
  cap,
}: {
  viewer: Viewer;
  query: LogQuery;
  snapshot?: Date;
  cap?: number;
}): Promise<number> {
  return await countFailedMessages({ companyId: viewer.companyId, query, plannedAtMost: snapshot, cap });
}

/** Retries the next chunk; `remaining` is what is left of the snapshot afterwards. */
export async function retryChunk({
  viewer,
  query,
  snapshot,
  now,
}: {
  viewer: Viewer;
  query: LogQuery;
  snapshot: Date;
  now: Date;
}): Promise<{ retried: number; remaining: number }> {
  const { companyId } = viewer;
  const ids = await listFailedMessageIds({ companyId, query, plannedAtMost: snapshot, limit: BULK_RETRY_CHUNK });
  const retried = await retryFailedMessages({ companyId, ids, actor: actorOf(viewer), now });
  if (retried.length > 0) nudgeWorker();
  const remaining = await countFailedMessages({ companyId, query, plannedAtMost: snapshot });
  return { retried: retried.length, remaining };
}
