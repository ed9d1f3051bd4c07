import type { Provider } from "@/lib/integrations/providers";
import type { Executor } from "@/db/queries/tx";
import { saveIntegrationState, type StatusActor } from "@/db/queries/integrations-status";
import { cancelReauthJobs, pauseReauthReminder, resumeReauthReminder, scheduleReauthJobs } from "@/db/queries/reauth-jobs";
import type { Person } from "@/lib/notifications/email-props";
import type { DisableReason, ReauthReason } from "@/lib/integrations/reasons";
import {
  compactProviderError,
  planAuthRestored,
  planIntegrationDisabled,
  planIntegrationEnabled,
  planReauthAlert,
} from "@/lib/notifications/plan-integration-emails";
import { reminderInputsOf, timerChange, type ReminderInputs } from "./reauth-timers";
import { alertOpen, authorizationBroken, transition, type IntegrationState, type StatusCause } from "./status";

/*
 * The one way an integration's status changes (docs/product R11, R22, R37): the
 * event handler, the re-auth deadline timer, the admin's Disable / Enable and
 * OAuth (Re)connect all call `changeStatus()` inside their transaction, and
 * every query of it runs on that transaction's `tx`. It asks the pure
 * machine (./status.ts) for the next state, stores it with its audit row,
 * keeps the re-auth timers in step with the alert (./reauth-timers.ts) and
 * plans the email the change calls for — which follows from the change
 * itself, whoever caused it:
 *
 *   alert opened                 the re-auth alert (saying so when its deadline already passed)
 *   switched off                 the disabled email (needing a reconnect when authorization is broken)
 *   needs_reauth → connected     the recovery notice
 *   off or new → connected       the enabled email
 *   anything else                nothing: still off, or back to needs_reauth, where the open alert already says what to do
 *
 * A re-auth alert whose deadline already passed on arrival disables the
 * integration at once, as the deadline timer would (R22).
 */

/** A cause of the machine; a re-auth alert also carries what its email and reminder show. */
export type StatusChange =
  | Exclude<StatusCause, { by: "reauth_required" }>
  | (Extract<StatusCause, { by: "reauth_required" }> & { reason: ReauthReason; message?: string; providerError?: unknown });

type UserRef = { userId: string; name: string; email: string };

/** Who or what changes the status: named in the audit row, and deciding how the email words it. */
export type ChangeSource =
  | { by: "event"; eventId: string; eventType: string; occurredAt: Date; actor?: Person }
  | { by: "admin"; user: UserRef }
  | { by: "oauth"; user: UserRef }
  | { by: "scheduler" };

export type StatusChangeResult = { state: IntegrationState; messageIds: string[] };

type Ctx = { tx: Executor; companyId: string; provider: Provider; source: ChangeSource; now: Date };

const SCHEDULER_ACTOR: StatusActor = { type: "system", id: "scheduler", label: "Switchboard scheduler: re-auth deadline passed" };

/** Applies `change` to `current` (the state the caller read in this transaction); null when R11 does not allow it. */
export async function changeStatus({
  tx,
  companyId,
  provider,
  current,
  change,
  source,
  now,
}: Ctx & { current: IntegrationState; change: StatusChange }): Promise<StatusChangeResult | null> {
  const ctx = { tx, companyId, provider, source, now };
  const alert = change.by === "reauth_required" ? alertInputs(change, source, now) : null;
  const first = await step(ctx, current, change, alert);
  if (!first || change.by !== "reauth_required" || change.deadline.getTime() > now.getTime()) return first;
  const passed = await step(ctx, first.state, { by: "deadline_passed" }, null);
  return passed ? { state: passed.state, messageIds: [...first.messageIds, ...passed.messageIds] } : first;
}

async function step(
  ctx: Ctx,
  before: IntegrationState,
  change: StatusChange,
  alert: ReminderInputs | null,
): Promise<StatusChangeResult | null> {
  const after = transition(before, change);
  if (!after) return null;
  const { tx, companyId, provider, now } = ctx;
  const integrationId = await saveIntegrationState({ tx, companyId, provider, before, after, actor: actorOf(ctx.source), at: now });
  if (integrationId !== undefined) await keepTimers({ tx, companyId, integrationId }, before, after, now, alert);
  return { state: after, messageIds: await planEmail(ctx, before, after, change, alert) };
}

/** What the alert email shows, and its reminder repeats: the CRM's error encoded once for both. */
function alertInputs(change: Extract<StatusChange, { by: "reauth_required" }>, source: ChangeSource, now: Date): ReminderInputs {
  const providerError = compactProviderError(change.providerError);
  return {
    reason: change.reason,
    occurredAt: (source.by === "event" ? source.occurredAt : now).toISOString(),
    ...(change.message ? { message: change.message } : {}),
    ...(providerError !== undefined ? { providerError } : {}),
  };
}

/** The alert's own inputs, or what the state knows when a change opens an alert without them. */
const inputsFor = (alert: ReminderInputs | null, after: IntegrationState): ReminderInputs =>
  alert ?? reminderInputsOf(null, { reason: after.reauthReason, openedAt: after.reauthAlertOpenedAt ?? after.reauthDeadlineAt! });

async function keepTimers(
  ref: { tx: Executor; companyId: string; integrationId: number },
  before: IntegrationState,
  after: IntegrationState,
  at: Date,
  alert: ReminderInputs | null,
): Promise<void> {
  const timers = timerChange(before, after, at);
  switch (timers.op) {
    case "schedule": {
      const reminder = timers.reminder && { ...timers.reminder, inputs: inputsFor(alert, after) };
      return await scheduleReauthJobs({ ...ref, deadlineAt: timers.deadlineAt, reminder, at });
    }
    case "cancel":
      return await cancelReauthJobs(ref);
    case "pause_reminder":
      return await pauseReauthReminder(ref);
    case "resume_reminder":
      return await resumeReauthReminder({ ...ref, dueAt: timers.dueAt });
    case "none":
      return;
  }
}

async function planEmail(
  ctx: Ctx,
  before: IntegrationState,
  after: IntegrationState,
  change: StatusChange,
  alert: ReminderInputs | null,
): Promise<string[]> {
  const { tx, companyId, provider, source, now } = ctx;
  const base = { tx, companyId, provider, now, eventId: source.by === "event" ? source.eventId : undefined };
  // the deadline passing happens now, by nobody; everything else when and by whom its source says
  const timer = change.by === "deadline_passed";
  const occurredAt = !timer && source.by === "event" ? source.occurredAt : now;
  const actor = timer ? undefined : personOf(source);

  if (!alertOpen(before) && alertOpen(after)) {
    const inputs = inputsFor(alert, after);
    const deadline = after.reauthDeadlineAt!;
    const planned = await planReauthAlert({
      ...base,
      stage: "alert",
      reason: inputs.reason,
      message: inputs.message,
      providerError: inputs.providerError,
      occurredAt: new Date(inputs.occurredAt),
      deadline,
      deadlinePassed: deadline.getTime() <= now.getTime(),
    });
    return planned.messageIds;
  }
  if (before.status !== "disabled" && after.status === "disabled") {
    // the machine keeps why it was switched off as the status reason
    const reason = after.statusReason as DisableReason;
    return (await planIntegrationDisabled({ ...base, occurredAt, actor, reason, needsReconnect: authorizationBroken(after) })).messageIds;
  }
  if (after.status !== "connected") return [];
  if (before.status === "needs_reauth") {
    const via = source.by === "event" ? "event" : "reconnect";
    return (await planAuthRestored({ ...base, occurredAt, brokenSince: before.reauthAlertOpenedAt, via })).messageIds;
  }
  const via = source.by === "event" || source.by === "admin" ? source.by : "connect";
  return (await planIntegrationEnabled({ ...base, occurredAt, actor, via })).messageIds;
}

function actorOf(source: ChangeSource): StatusActor {
  switch (source.by) {
    case "event":
      return { type: "event", id: source.eventId, label: `event ${source.eventType} (${source.eventId})` };
    case "admin":
    case "oauth":
      return { type: "user", id: source.user.userId, label: `${source.user.name} <${source.user.email}>` };
    case "scheduler":
      return SCHEDULER_ACTOR;
  }
}

function personOf(source: ChangeSource): Person | undefined {
  if (source.by === "event") return source.actor;
  if (source.by === "admin" || source.by === "oauth") return { name: source.user.name, email: source.user.email };
  return undefined;
}
