import type { IntegrationStatus } from "@/db/schema";
import type { EventType } from "@/lib/integrations/ingest/event-types";
import {
  AUTH_DISABLE_REASONS,
  type DisabledBy,
  type DisableReason,
  type EventDisableReason,
  type ReauthReason,
  type StatusReason,
} from "@/lib/integrations/reasons";

/*
 * The integration status machine of docs/product R11, as pure functions. Nothing
 * else changes an integration's status: event ingestion, the integrations
 * page (Enable / Disable), OAuth (Connect / Reconnect) and the re-auth
 * deadline all ask `transition()` and store what it returns.
 *
 * Two facts live side by side (docs/integrations/status.md):
 *   on/off         status disabled or not, and who turned it off
 *   authorization  healthy, or broken with an open re-auth alert
 *                  (reauthReason, reauthAlertOpenedAt, reauthDeadlineAt)
 *
 * Turning an integration off never heals its authorization: an admin's
 * Disable (or a worker's user_disconnected) keeps the open alert and its
 * deadline, and Enable returns to needs_reauth with that deadline. Only a
 * path that restores authorization (Reconnect, auth_restored) closes the
 * alert; a deadline that passes while disabled turns the disable reason into
 * an auth reason, which only Reconnect leaves.
 */

export type IntegrationState = {
  status: IntegrationStatus;
  statusReason: StatusReason | null;
  disabledBy: DisabledBy | null;
  // the open re-auth alert: set in needs_reauth, and kept while disabled by an admin or a user
  reauthReason: ReauthReason | null;
  reauthAlertOpenedAt: Date | null;
  reauthDeadlineAt: Date | null;
};

export type StatusCause =
  | { by: "connect" }
  | { by: "reconnect" }
  | { by: "admin_enable"; now: Date }
  | { by: "admin_disable" }
  | { by: "enabled_event"; now: Date }
  | { by: "disabled_event"; reason: EventDisableReason }
  | { by: "reauth_required"; reason: ReauthReason; openedAt: Date; deadline: Date }
  | { by: "auth_restored" }
  | { by: "deadline_passed" };

const AUTH_REASONS: ReadonlySet<string> = new Set(AUTH_DISABLE_REASONS);

export function disabledByFor(reason: EventDisableReason): DisabledBy {
  return AUTH_REASONS.has(reason) ? "auth" : "event";
}

/** A re-auth alert is open: authorization broken, deadline running (paused reminder while disabled). */
export function alertOpen(state: Pick<IntegrationState, "reauthDeadlineAt">): boolean {
  return state.reauthDeadlineAt !== null;
}

/** The authorization fact, whatever the on/off fact says. */
export function authorizationBroken(state: Pick<IntegrationState, "status" | "disabledBy" | "reauthDeadlineAt">): boolean {
  if (state.status === "needs_reauth") return true;
  if (state.status !== "disabled") return false;
  return state.disabledBy === "auth" || alertOpen(state);
}

const NO_ALERT = { reauthReason: null, reauthAlertOpenedAt: null, reauthDeadlineAt: null } as const;

const healthy = (): IntegrationState => ({ status: "connected", statusReason: null, disabledBy: null, ...NO_ALERT });

const alertOf = (s: IntegrationState) => ({
  reauthReason: s.reauthReason,
  reauthAlertOpenedAt: s.reauthAlertOpenedAt,
  reauthDeadlineAt: s.reauthDeadlineAt,
});

/** Off by an admin or a user: the authorization fact (an open alert) is carried over untouched. */
const switchedOff = (from: IntegrationState, reason: DisableReason, disabledBy: DisabledBy): IntegrationState =>
  disabledBy === "auth"
    ? { status: "disabled", statusReason: reason, disabledBy, ...NO_ALERT } // only Reconnect leaves: the deadline is moot
    : { status: "disabled", statusReason: reason, disabledBy, ...alertOf(from) };

/** Back on: syncing when authorization is healthy, else needs_reauth with the original alert; null once its deadline passed. */
function switchedOn(from: IntegrationState, now: Date): IntegrationState | null {
  if (!alertOpen(from)) return healthy();
  if (from.reauthDeadlineAt!.getTime() <= now.getTime()) return null; // the deadline timer turns it into disabled-for-auth
  return { status: "needs_reauth", statusReason: from.reauthReason, disabledBy: null, ...alertOf(from) };
}

/** The state after `cause`, or null when R11 does not allow it from this state (nothing changes). */
export function transition(state: IntegrationState, cause: StatusCause): IntegrationState | null {
  const s = state.status;
  const disabled = s === "disabled";
  const softlyDisabled = disabled && state.disabledBy !== "auth"; // an admin or a user turned it off
  switch (cause.by) {
    case "connect":
      return s === "disconnected" ? healthy() : null;
    case "reconnect":
      return s === "needs_reauth" || disabled ? healthy() : null;
    case "admin_enable":
      return disabled && state.disabledBy === "admin" ? switchedOn(state, cause.now) : null;
    case "enabled_event":
      if (!disabled) return null;
      return state.disabledBy === "auth" ? healthy() : switchedOn(state, cause.now);
    case "auth_restored":
      if (s === "needs_reauth") return healthy();
      // still off, but its authorization is healthy again: the alert closes, on/off stays as it was
      return softlyDisabled && alertOpen(state) ? { ...state, ...NO_ALERT } : null;
    case "admin_disable":
      return s === "connected" || s === "needs_reauth" ? switchedOff(state, "admin", "admin") : null;
    case "disabled_event":
      return s === "connected" || s === "needs_reauth" ? switchedOff(state, cause.reason, disabledByFor(cause.reason)) : null;
    case "deadline_passed":
      return s === "needs_reauth" || (softlyDisabled && alertOpen(state))
        ? { status: "disabled", statusReason: "reauth_deadline_passed", disabledBy: "auth", ...NO_ALERT }
        : null;
    case "reauth_required": {
      const alert = { reauthReason: cause.reason, reauthAlertOpenedAt: cause.openedAt, reauthDeadlineAt: cause.deadline };
      if (s === "connected") return { status: "needs_reauth", statusReason: cause.reason, disabledBy: null, ...alert };
      // turned off but healthy until now: record the broken authorization, so Enable cannot report "connected"
      return softlyDisabled && !alertOpen(state) ? { ...state, ...alert } : null;
    }
  }
}

export const REAUTH_GRACE_MS = 72 * 60 * 60 * 1000;

/** The re-auth deadline (docs/product §4): the event's own, or occurredAt + 72 h. */
export function reauthDeadline(occurredAt: Date, explicit?: Date | null): Date {
  return explicit ?? new Date(occurredAt.getTime() + REAUTH_GRACE_MS);
}

/*
 * Which event types may act on an integration in this status. R19: a disabled
 * integration listens to integration.enabled; it also takes the two events
 * that report the authorization fact (reauth_required, auth_restored), since
 * on/off says nothing about whether the credentials still work. Everything
 * else (mapping errors, sync reports) is stored and not acted on.
 */
const AUTH_FACT_EVENTS: ReadonlySet<string> = new Set<EventType>(["integration.reauth_required", "integration.auth_restored"]);

export function eventActsOn(status: IntegrationStatus, type: string): boolean {
  if (status === "disconnected") return false;
  if (status === "disabled") return type === "integration.enabled" || AUTH_FACT_EVENTS.has(type);
  return true;
}
