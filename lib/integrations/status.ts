import type { IntegrationStatus } from "@/db/schema";
import type { DisableReason } from "@/lib/notifications/email-props";

/*
 * The integration status machine of SPEC R11, as pure functions. Nothing
 * else changes an integration's status: event ingestion, the integrations
 * page (Enable / Disable), OAuth (Connect / Reconnect) and the re-auth
 * deadline all ask `transition()` and store what it returns.
 *
 *   disconnected → connected                connect
 *   connected → needs_reauth                reauth_required event
 *   needs_reauth → connected                reconnect, auth_restored event
 *   connected | needs_reauth → disabled     admin disable, disabled event, deadline passed
 *   disabled → connected                    admin enable (only when an admin disabled it),
 *                                           reconnect (any disabled), enabled event
 *
 * Leaving needs_reauth by any path closes the alert: its opened-at and
 * deadline are cleared, which is what cancels the reminder and deadline.
 */

export type DisabledBy = "admin" | "event" | "auth";

export type IntegrationState = {
  status: IntegrationStatus;
  statusReason: string | null;
  disabledBy: DisabledBy | null;
  reauthAlertOpenedAt: Date | null;
  reauthDeadlineAt: Date | null;
};

export type EventDisableReason = Exclude<DisableReason, "admin">;

export type StatusCause =
  | { by: "connect" }
  | { by: "reconnect" }
  | { by: "admin_enable" }
  | { by: "admin_disable" }
  | { by: "enabled_event" }
  | { by: "disabled_event"; reason: EventDisableReason }
  | { by: "reauth_required"; reason: string; openedAt: Date; deadline: Date }
  | { by: "auth_restored" }
  | { by: "deadline_passed" };

/** Reasons after which only a new OAuth consent (Reconnect) brings the integration back. */
const AUTH_REASONS: ReadonlySet<string> = new Set(["app_uninstalled", "token_revoked", "reauth_deadline_passed"]);

export function disabledByFor(reason: EventDisableReason): DisabledBy {
  return AUTH_REASONS.has(reason) ? "auth" : "event";
}

const healthy = (): IntegrationState => ({
  status: "connected",
  statusReason: null,
  disabledBy: null,
  reauthAlertOpenedAt: null,
  reauthDeadlineAt: null,
});

const disabledState = (reason: string, disabledBy: DisabledBy): IntegrationState => ({
  status: "disabled",
  statusReason: reason,
  disabledBy,
  reauthAlertOpenedAt: null,
  reauthDeadlineAt: null,
});

/** The state after `cause`, or null when R11 does not allow it from this state (nothing changes). */
export function transition(state: IntegrationState, cause: StatusCause): IntegrationState | null {
  const s = state.status;
  switch (cause.by) {
    case "connect":
      return s === "disconnected" ? healthy() : null;
    case "reconnect":
      return s === "needs_reauth" || s === "disabled" ? healthy() : null;
    case "admin_enable":
      return s === "disabled" && state.disabledBy === "admin" ? healthy() : null;
    case "enabled_event":
      return s === "disabled" ? healthy() : null;
    case "auth_restored":
      return s === "needs_reauth" ? healthy() : null;
    case "admin_disable":
      return s === "connected" || s === "needs_reauth" ? disabledState("admin", "admin") : null;
    case "disabled_event":
      return s === "connected" || s === "needs_reauth" ? disabledState(cause.reason, disabledByFor(cause.reason)) : null;
    case "deadline_passed":
      return s === "needs_reauth" ? disabledState("reauth_deadline_passed", "auth") : null;
    case "reauth_required":
      return s === "connected"
        ? {
            status: "needs_reauth",
            statusReason: cause.reason,
            disabledBy: null,
            reauthAlertOpenedAt: cause.openedAt,
            reauthDeadlineAt: cause.deadline,
          }
        : null;
  }
}

export const REAUTH_GRACE_MS = 72 * 60 * 60 * 1000;

/** The re-auth deadline (SPEC §4): the event's own, or occurredAt + 72 h. */
export function reauthDeadline(occurredAt: Date, explicit?: Date | null): Date {
  return explicit ?? new Date(occurredAt.getTime() + REAUTH_GRACE_MS);
}

/** Which event types may act on an integration in this status (R19: a disabled one listens to `enabled` only). */
export function eventActsOn(status: IntegrationStatus, type: string): boolean {
  if (status === "disconnected") return false;
  if (status === "disabled") return type === "integration.enabled";
  return true;
}
