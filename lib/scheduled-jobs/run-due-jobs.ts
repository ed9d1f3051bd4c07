import type { ScheduledJob } from "@/db/schema";
import { transaction, type Executor } from "@/db/queries/tx";
import { claimJob, getJobAttempts, listDueJobIds, recordJobFailure } from "@/db/queries/system/scheduled-jobs";
import { passReauthDeadline, sendReauthReminder } from "@/lib/integrations/reauth-jobs";
import { closeDigest } from "@/lib/notifications/digest";

/*
 * Runs the due scheduled jobs (docs/product R22, R23): durable timers in
 * scheduled_jobs, run from the outbox worker's loop, so a due timer's email
 * is claimed in the same round. Three kinds, each handled next to what it
 * changes:
 *
 *   reauth_reminder  deadline − 24 h: the reminder email, once
 *                    (lib/integrations/reauth-jobs.ts)
 *   reauth_deadline  the deadline: the status change "deadline passed"
 *                    (lib/integrations/reauth-jobs.ts)
 *   digest_close     a mapping digest's window closed: plan its email (./digest.ts)
 *
 * Each job runs in ONE transaction that claims it (pending → done) and
 * carries out its effect, every query of the handler on that transaction's
 * `tx`, so two workers never run a job twice and a crash leaves it pending.
 * Handlers re-check the state they act on. A failed job's retry is recorded
 * after its transaction has rolled back.
 *
 * Time is the caller's `now` (the worker's injectable clock): tests move it
 * forward instead of sleeping.
 */

export type SchedulerRun = { ran: number; messageIds: string[] };

const MAX_JOB_ATTEMPTS = 5;
const RETRY_BASE_MS = 60_000;

/** Runs every job due at `now` (up to `limit`); a failing job is retried later, never blocks the others. */
export async function runDueJobs({
  now,
  limit = 50,
  log = (line: string) => console.log(`[scheduler] ${line}`),
}: {
  now: Date;
  limit?: number;
  log?: (line: string) => void;
}): Promise<SchedulerRun> {
  const run: SchedulerRun = { ran: 0, messageIds: [] };
  for (const id of await listDueJobIds({ now, limit })) {
    try {
      const outcome = await transaction(async (tx) => {
        const job = await claimJob({ tx, id, now });
        return job ? { messageIds: await runJob(tx, job, now) } : null;
      });
      if (!outcome) continue; // another worker took it
      run.ran += 1;
      run.messageIds.push(...outcome.messageIds);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const attempts = (await getJobAttempts({ id })) + 1;
      const retryAt = attempts < MAX_JOB_ATTEMPTS ? new Date(now.getTime() + RETRY_BASE_MS * 2 ** (attempts - 1)) : null;
      await recordJobFailure({ id, error: message, retryAt });
      log(`job ${id} failed (attempt ${attempts}${retryAt ? `, retrying at ${retryAt.toISOString()}` : ", giving up"}): ${message}`);
    }
  }
  return run;
}

async function runJob(tx: Executor, job: ScheduledJob, now: Date): Promise<string[]> {
  switch (job.kind) {
    case "reauth_reminder":
      return await sendReauthReminder(tx, job, now);
    case "reauth_deadline":
      return await passReauthDeadline(tx, job, now);
    case "digest_close":
      return job.notificationId ? await closeDigest({ tx, companyId: job.companyId, notificationId: job.notificationId, now }) : [];
  }
}
