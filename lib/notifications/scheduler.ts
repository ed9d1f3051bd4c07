import { db } from "@/db/client";
import type { ScheduledJob } from "@/db/schema";
import type { Executor } from "@/db/queries/tx";
import { getIntegrationState, saveIntegrationState, type StatusActor } from "@/db/queries/integrations-status";
import {
  claimJob,
  findOpenAlertProps,
  getJobAttempts,
  getJobIntegration,
  listDueJobIds,
  recordJobFailure,
} from "@/db/queries/system/scheduler";
import { transition } from "@/lib/integrations/status";
import { closeDigest } from "./digest";
import type { ReauthReason } from "@/lib/integrations/reasons";
import { planIntegrationDisabled, planReauthAlert } from "./plan-integration-emails";

/*
 * The scheduler (SPEC R22, R23): durable timers in scheduled_jobs, run from
 * the outbox worker's loop, so a due timer's email is claimed in the same
 * round. Three kinds:
 *
 *   reauth_reminder  deadline − 24 h: the reminder email, once (paused
 *                    while the integration is disabled, resumed by Enable)
 *   reauth_deadline  the deadline: still needs_reauth → disabled
 *                    (reauth_deadline_passed, by "auth"), audited as the
 *                    system, and the disabled email; an integration an
 *                    admin disabled with the alert open turns disabled for
 *                    that auth reason (only Reconnect leaves it), without a
 *                    second email: it was already off and said to need
 *                    reconnecting
 *   digest_close     a mapping digest's window closed: plan its email
 *
 * Each job runs in ONE immediate transaction that claims it (pending → done)
 * and carries out its effect, so two workers never run a job twice and a
 * crash leaves it pending. Handlers re-check the state they act on: leaving
 * needs_reauth cancels the timers (db/queries/integrations-status.ts), and a
 * timer that fires anyway — a reconnect committed just before — finds the
 * integration connected and does nothing.
 *
 * Time is the caller's `now` (the worker's injectable clock): tests move it
 * forward instead of sleeping.
 */

export type SchedulerRun = { ran: number; messageIds: string[] };

const SYSTEM_ACTOR: StatusActor = { type: "system", id: "scheduler", label: "Switchboard scheduler: re-auth deadline passed" };
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
      return sendReminder(tx, job, now);
    case "reauth_deadline":
      return passDeadline(tx, job, now);
    case "digest_close":
      return job.notificationId ? closeDigest({ tx, companyId: job.companyId, notificationId: job.notificationId, now }) : [];
  }
}

/** The integration a re-auth timer belongs to, if its alert is still open (needs_reauth, or disabled with it kept). */
function openReauth(tx: Executor, job: ScheduledJob) {
  if (job.integrationId === null) return null;
  const ref = getJobIntegration({ tx, companyId: job.companyId, integrationId: job.integrationId });
  if (!ref) return null;
  const state = getIntegrationState({ tx, companyId: job.companyId, provider: ref.provider });
  if (!state || !state.reauthDeadlineAt) return null;
  return { provider: ref.provider, state, deadline: state.reauthDeadlineAt };
}

function sendReminder(tx: Executor, job: ScheduledJob, now: Date): string[] {
  const open = openReauth(tx, job);
  // restored, switched off, or already past its deadline (that timer acts): nothing to remind of
  if (!open || open.state.status !== "needs_reauth" || open.deadline.getTime() <= now.getTime()) return [];
  const opened = open.state.reauthAlertOpenedAt ?? open.deadline;
  const alert = findOpenAlertProps({ tx, companyId: job.companyId, provider: open.provider, since: opened }) ?? {};
  const text = (key: string) => (typeof alert[key] === "string" ? (alert[key] as string) : undefined);
  return planReauthAlert({
    tx,
    companyId: job.companyId,
    provider: open.provider,
    now,
    stage: "reminder",
    reason: (text("reauthReason") ?? open.state.statusReason ?? "unknown") as ReauthReason,
    message: text("message"),
    providerError: parseProviderError(text("providerError")),
    occurredAt: new Date(text("occurredAt") ?? opened),
    deadline: open.deadline,
    deadlinePassed: false,
  }).messageIds;
}

function passDeadline(tx: Executor, job: ScheduledJob, now: Date): string[] {
  const open = openReauth(tx, job);
  if (!open || open.deadline.getTime() > now.getTime()) return [];
  const next = transition(open.state, { by: "deadline_passed" });
  if (!next) return [];
  saveIntegrationState({ tx, companyId: job.companyId, provider: open.provider, before: open.state, after: next, actor: SYSTEM_ACTOR, at: now });
  if (open.state.status === "disabled") return [];
  return planIntegrationDisabled({
    tx,
    companyId: job.companyId,
    provider: open.provider,
    now,
    occurredAt: now,
    reason: "reauth_deadline_passed",
    needsReconnect: true,
  }).messageIds;
}

/** The alert stored the CRM's error as compact JSON; hand the value back so it is not encoded twice. */
function parseProviderError(compact: string | undefined): unknown {
  if (compact === undefined) return undefined;
  try {
    return JSON.parse(compact);
  } catch {
    return compact; // truncated beyond valid JSON: shown as the text it is
  }
}
