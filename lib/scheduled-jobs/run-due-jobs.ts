import { db } from "@/db/client";
import type { ScheduledJob } from "@/db/schema";
import type { Executor } from "@/db/queries/tx";
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
 * Each job runs in ONE immediate transaction that claims it (pending → done)
 * and carries out its effect, so two workers never run a job twice and a
 * crash leaves it pending. Handlers re-check the state they act on.
 *
 * Time is the caller's `now` (the worker's injectable clock): tests move it
 * forward instead of sleeping.
 */

export type SchedulerRun = { ran: number; messageIds: string[] };

const MAX_JOB_ATTEMPTS = 5;
const RETRY_BASE_MS = 60_000;

/** Runs every job due at `now` (up to `limit`); a failing job is retried later, never blocks the others. */
export function runDueJobs({
  now,
  limit = 50,
  log = (line: string) => console.log(`[scheduler] ${line}`),
}: {
  now: Date;
  limit?: number;
  log?: (line: string) => void;
}): SchedulerRun {
  const run: SchedulerRun = { ran: 0, messageIds: [] };
  for (const id of listDueJobIds({ now, limit })) {
    try {
      const outcome = db.transaction(
        (tx) => {
          const job = claimJob({ tx, id, now });
          return job ? { messageIds: runJob(tx, job, now) } : null;
        },
        { behavior: "immediate" },
      );
      if (!outcome) continue; // another worker took it
      run.ran += 1;
      run.messageIds.push(...outcome.messageIds);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const attempts = getJobAttempts({ id }) + 1;
      const retryAt = attempts < MAX_JOB_ATTEMPTS ? new Date(now.getTime() + RETRY_BASE_MS * 2 ** (attempts - 1)) : null;
      recordJobFailure({ id, error: message, retryAt });
      log(`job ${id} failed (attempt ${attempts}${retryAt ? `, retrying at ${retryAt.toISOString()}` : ", giving up"}): ${message}`);
    }
  }
  return run;
}

function runJob(tx: Executor, job: ScheduledJob, now: Date): string[] {
  switch (job.kind) {
    case "reauth_reminder":
      return sendReauthReminder(tx, job, now);
    case "reauth_deadline":
      return passReauthDeadline(tx, job, now);
    case "digest_close":
      return job.notificationId ? closeDigest({ tx, companyId: job.companyId, notificationId: job.notificationId, now }) : [];
  }
}
