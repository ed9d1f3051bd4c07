import "server-only";
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { integrations, scheduledJobs, type ScheduledJob } from "@/db/schema";
import { skipLocked } from "../locks";
import type { Executor } from "../tx";

/*
 * The scheduled jobs' SQL (docs/product R22, R23): durable timers that every tenant
 * shares, hence system/. A job is claimed by flipping it from pending to done
 * in the SAME transaction that carries out its effect, with the WHERE
 * re-checking `pending`: two workers racing for one job cannot both see a
 * change, so one of them does nothing — and a crash before commit leaves the
 * job pending, effect and all undone, for the next round.
 */

/** Ids of pending jobs due at `now`, oldest first. A read only: an idle poll takes no write lock. */
export async function listDueJobIds({ now, limit }: { now: Date; limit: number }): Promise<number[]> {
  const rows = await db
    .select({ id: scheduledJobs.id })
    .from(scheduledJobs)
    .where(and(eq(scheduledJobs.status, "pending"), lte(scheduledJobs.dueAt, now)))
    .orderBy(asc(scheduledJobs.dueAt), asc(scheduledJobs.id))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Claims one due job inside the caller's transaction; undefined when another worker got it first. */
export async function claimJob({ tx, id, now }: { tx: Executor; id: number; now: Date }): Promise<ScheduledJob | undefined> {
  const pending = and(eq(scheduledJobs.id, id), eq(scheduledJobs.status, "pending"), lte(scheduledJobs.dueAt, now));
  // a job another worker is running right now is passed over rather than waited for (../locks.ts)
  const free = skipLocked(tx.select({ id: scheduledJobs.id }).from(scheduledJobs).where(pending));
  const [job] = await tx
    .update(scheduledJobs)
    .set({ status: "done", doneAt: now })
    .where(and(inArray(scheduledJobs.id, free), pending))
    .returning();
  return job;
}

/** A job whose handler threw: try again later, or give up and keep the error visible. */
export async function recordJobFailure({ id, error, retryAt }: { id: number; error: string; retryAt: Date | null }): Promise<void> {
  await db
    .update(scheduledJobs)
    .set({
      attempts: sql`${scheduledJobs.attempts} + 1`,
      lastError: error.slice(0, 2_000),
      ...(retryAt ? { dueAt: retryAt } : { status: "failed" as const }),
    })
    .where(and(eq(scheduledJobs.id, id), eq(scheduledJobs.status, "pending")));
}

export async function getJobAttempts({ id }: { id: number }): Promise<number> {
  const [row] = await db.select({ attempts: scheduledJobs.attempts }).from(scheduledJobs).where(eq(scheduledJobs.id, id)).limit(1);
  return row?.attempts ?? 0;
}

/** The integration a re-auth job was scheduled for, within the job's company. */
export async function getJobIntegration({ tx, companyId, integrationId }: { tx: Executor; companyId: string; integrationId: number }) {
  const [row] = await tx
    .select({ provider: integrations.provider })
    .from(integrations)
    .where(and(eq(integrations.companyId, companyId), eq(integrations.id, integrationId)))
    .limit(1);
  return row;
}
