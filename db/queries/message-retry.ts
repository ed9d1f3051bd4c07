import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { messages } from "@/db/schema";
import { insertAudit, type AuditActor } from "./audit";
import { transaction } from "./tx";

export type RetriedMessage = { id: string; idempotencyKey: string; retryCount: number };

/**
 * Puts failed messages back in the queue with a fresh idempotency key
 * `{id}:retry{n}` (docs/product R24: the old key would make the provider answer
 * with the failed attempt), attempts reset, due now, planned_at refreshed so
 * the 24-hour give-up starts over. One audit row per message, same
 * transaction. Only rows still `failed` change: a double click retries once.
 */
export async function retryFailedMessages({
  companyId,
  ids,
  actor,
  now,
}: {
  companyId: string;
  ids: string[];
  actor: AuditActor;
  now: Date;
}): Promise<RetriedMessage[]> {
  if (ids.length === 0) return [];
  return await transaction(async (tx) => {
    const retried = await tx
      .update(messages)
      .set({
        status: "queued",
        retryCount: sql`${messages.retryCount} + 1`,
        idempotencyKey: sql`${messages.id} || ':retry' || (${messages.retryCount} + 1)`,
        attempts: 0,
        nextAttemptAt: now,
        plannedAt: now,
        lastError: null,
        leaseOwner: null,
        leaseUntil: null,
        updatedAt: now,
      })
      .where(and(eq(messages.companyId, companyId), inArray(messages.id, ids), eq(messages.status, "failed")))
      .returning({ id: messages.id, idempotencyKey: messages.idempotencyKey, retryCount: messages.retryCount });
    for (const m of retried) {
      await insertAudit({
        tx,
        companyId,
        actor,
        action: "message.retried",
        entity: `message:${m.id}`,
        before: { status: "failed" },
        after: { status: "queued", idempotencyKey: m.idempotencyKey, retry: m.retryCount },
        at: now,
      });
    }
    return retried;
  });
}
