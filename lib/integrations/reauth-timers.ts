import type { ReauthReason } from "@/lib/integrations/reasons";
import { alertOpen, type IntegrationState } from "./status";

/*
 * The re-auth timers' rules (docs/product R22), as pure functions. They follow the
 * open alert, not the status: opening it schedules the deadline and one
 * reminder 24 h before it (none when the alert itself went out later than
 * that); closing it cancels both. While the integration is disabled with the
 * alert open the reminder is paused (no "reconnect soon" for an integration
 * that is off) and the deadline keeps running; Enable resumes the reminder,
 * at once if its time passed meanwhile. db/queries/reauth-jobs.ts stores
 * what these decide.
 */

export const REMINDER_BEFORE_MS = 24 * 60 * 60 * 1000;

/** What the reminder repeats of its alert, stored on the reminder job when the alert opens. */
export type ReminderInputs = { reason: ReauthReason; occurredAt: string; message?: string; providerError?: string };

export type TimerChange =
  | { op: "none" }
  | { op: "schedule"; deadlineAt: Date; reminder: { dueAt: Date; status: "pending" | "paused" } | null }
  | { op: "cancel" }
  | { op: "pause_reminder" }
  | { op: "resume_reminder"; dueAt: Date };

/** When the reminder of an alert opened at `openedAt` is due, or null when the alert went out within 24 h of the deadline. */
export function reminderDueAt(openedAt: Date | null, deadline: Date): Date | null {
  const dueAt = new Date(deadline.getTime() - REMINDER_BEFORE_MS);
  return openedAt && openedAt.getTime() < dueAt.getTime() ? dueAt : null;
}

/** What the timers do when the integration goes from `before` to `after` at `at`. */
export function timerChange(before: IntegrationState, after: IntegrationState, at: Date): TimerChange {
  const wasOpen = alertOpen(before);
  const isOpen = alertOpen(after);
  if (wasOpen && !isOpen) return { op: "cancel" };
  if (!wasOpen && isOpen) {
    const deadlineAt = after.reauthDeadlineAt!;
    const dueAt = reminderDueAt(after.reauthAlertOpenedAt, deadlineAt);
    const status = after.status === "needs_reauth" ? "pending" : "paused";
    return { op: "schedule", deadlineAt, reminder: dueAt ? { dueAt, status } : null };
  }
  if (!wasOpen) return { op: "none" };
  if (before.status === "needs_reauth" && after.status === "disabled") return { op: "pause_reminder" };
  if (before.status === "disabled" && after.status === "needs_reauth") {
    // a reminder whose time passed while paused is due at once (Enable checked that the deadline is still ahead)
    const dueAt = new Date(Math.max(after.reauthDeadlineAt!.getTime() - REMINDER_BEFORE_MS, at.getTime()));
    return { op: "resume_reminder", dueAt };
  }
  return { op: "none" };
}

/** A reminder that comes due reminds only an integration still waiting to be reconnected before its deadline. */
export function reminderStillWanted(state: Pick<IntegrationState, "status" | "reauthDeadlineAt">, now: Date): boolean {
  return state.status === "needs_reauth" && state.reauthDeadlineAt !== null && state.reauthDeadlineAt.getTime() > now.getTime();
}

/**
 * The reminder's inputs from its job's payload. A reminder scheduled before
 * the payload existed, whose alert could not be found when it was migrated,
 * repeats what the integration row still knows (`known`).
 */
export function reminderInputsOf(payload: unknown, known: { reason: string | null; openedAt: Date }): ReminderInputs {
  const stored = payload && typeof payload === "object" ? (payload as Record<string, unknown>) : {};
  const text = (key: string) => (typeof stored[key] === "string" ? (stored[key] as string) : undefined);
  const message = text("message");
  const providerError = text("providerError");
  return {
    reason: (text("reason") ?? known.reason ?? "unknown") as ReauthReason,
    occurredAt: text("occurredAt") ?? known.openedAt.toISOString(),
    ...(message !== undefined ? { message } : {}),
    ...(providerError !== undefined ? { providerError } : {}),
  };
}
