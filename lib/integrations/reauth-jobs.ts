import type { ScheduledJob } from "@/db/schema";
import type { Executor } from "@/db/queries/tx";
import { getIntegrationState } from "@/db/queries/integrations-status";
import { getJobIntegration } from "@/db/queries/system/scheduled-jobs";
import { planReauthAlert } from "@/lib/notifications/plan-integration-emails";
import { reminderInputsOf, reminderStillWanted } from "./reauth-timers";
import { changeStatus } from "./status-change";

/*
 * What the two re-auth timers do when they come due (docs/product R22), inside the
 * transaction that claimed the job (lib/scheduled-jobs/run-due-jobs.ts):
 *
 *   reauth_reminder  the reminder email, once, repeating the alert's details
 *                    stored on the job when the alert opened
 *   reauth_deadline  the status change "deadline passed" (./status-change.ts):
 *                    needs_reauth → disabled for an auth reason with the
 *                    disabled email; an integration already switched off with
 *                    the alert open turns disabled for that auth reason
 *                    without a second email
 *
 * Each re-checks the state it acts on: a timer that fires anyway — a
 * reconnect committed just before — finds the alert closed and does nothing.
 */

/** The integration a re-auth timer belongs to, if its alert is still open (needs_reauth, or disabled with it kept). */
async function openAlertOf(tx: Executor, job: ScheduledJob) {
  if (job.integrationId === null) return null;
  const ref = await getJobIntegration({ tx, companyId: job.companyId, integrationId: job.integrationId });
  if (!ref) return null;
  const state = await getIntegrationState({ tx, companyId: job.companyId, provider: ref.provider });
  if (!state || !state.reauthDeadlineAt) return null;
  return { provider: ref.provider, state, deadline: state.reauthDeadlineAt };
}

export async function sendReauthReminder(tx: Executor, job: ScheduledJob, now: Date): Promise<string[]> {
  const open = await openAlertOf(tx, job);
  // restored, switched off, or already past its deadline (that timer acts): nothing to remind of
  if (!open || !reminderStillWanted(open.state, now)) return [];
  const inputs = reminderInputsOf(job.payload, {
    reason: open.state.reauthReason ?? open.state.statusReason,
    openedAt: open.state.reauthAlertOpenedAt ?? open.deadline,
  });
  const planned = await planReauthAlert({
    tx,
    companyId: job.companyId,
    provider: open.provider,
    now,
    stage: "reminder",
    reason: inputs.reason,
    message: inputs.message,
    providerError: inputs.providerError,
    occurredAt: new Date(inputs.occurredAt),
    deadline: open.deadline,
    deadlinePassed: false,
  });
  return planned.messageIds;
}

export async function passReauthDeadline(tx: Executor, job: ScheduledJob, now: Date): Promise<string[]> {
  const open = await openAlertOf(tx, job);
  if (!open || open.deadline.getTime() > now.getTime()) return [];
  const changed = await changeStatus({
    tx,
    companyId: job.companyId,
    provider: open.provider,
    current: open.state,
    change: { by: "deadline_passed" },
    source: { by: "scheduler" },
    now,
  });
  return changed?.messageIds ?? [];
}
