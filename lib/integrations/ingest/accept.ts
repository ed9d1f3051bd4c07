import { immediateTransaction, type Executor } from "@/db/queries/tx";
import { companyExists, eventExists, getSyncReportMode, insertEventOnce, recordNoEmailReason } from "@/db/queries/events";
import {
  getIntegrationState,
  saveIntegrationState,
  touchIntegrationLastEvent,
  type StatusActor,
} from "@/db/queries/integrations-status";
import {
  planAuthRestored,
  planIntegrationDisabled,
  planIntegrationEnabled,
  planReauthAlert,
} from "@/lib/notifications/plan-integration-emails";
import { planSyncReport, wantsSyncReport } from "@/lib/notifications/sync-report";
import { acceptMappingErrors } from "@/lib/notifications/digest";
import type { IntegrationEvent } from "./events";
import type { NoEmailReason } from "./no-email";
import { authorizationBroken, eventActsOn, reauthDeadline, transition, type IntegrationState, type StatusCause } from "../status";

/*
 * Accepting an integration event (SPEC R18–R22): in ONE synchronous
 * transaction the event is stored (the database rejects a repeated
 * webhook-id), the integration's status changes with its audit row, and the
 * notification is planned into the outbox. Rendering and sending happen
 * later in the worker; the caller nudges it after the commit.
 */

export type IngestResult =
  | { outcome: "accepted"; eventId: string; messageIds: string[] }
  | { outcome: "duplicate"; eventId: string }
  | { outcome: "unknown_company"; eventId: string }
  | { outcome: "not_connected"; eventId: string };

type Ctx = { tx: Executor; event: IntegrationEvent; eventId: string; now: Date; occurredAt: Date };

export type IngestInput = { eventId: string; body: string; event: IntegrationEvent; now: Date };

export function ingestEvent(input: IngestInput): IngestResult {
  // IMMEDIATE takes the write lock up front, so two processes cannot both read "connected" and both plan.
  return immediateTransaction((tx) => ingestEventIn(tx, input));
}

/**
 * The same, inside a transaction the caller holds (the group commit of
 * lib/integrations/ingest/group-commit.ts). A throw leaves this event's writes in
 * that transaction: the caller must roll it back.
 */
export function ingestEventIn(tx: Executor, { eventId, body, event, now }: IngestInput): IngestResult {
  const { companyId, provider } = event;
  const state = companyExists({ tx, companyId }) ? getIntegrationState({ tx, companyId, provider }) : undefined;
  if (!state || state.status === "disconnected") {
    // A redelivery of an event we already hold is still a duplicate, whatever its new body says.
    if (eventExists({ tx, id: eventId })) return { outcome: "duplicate", eventId };
    return { outcome: state ? "not_connected" : "unknown_company", eventId };
  }
  const occurredAt = new Date(event.occurredAt);
  const stored = insertEventOnce({
    tx,
    row: { id: eventId, companyId, provider, type: event.type, occurredAt, receivedAt: now, body },
  });
  if (!stored) return { outcome: "duplicate", eventId };
  touchIntegrationLastEvent({ tx, companyId, provider, at: now });

  const acted = eventActsOn(state.status, event.type)
    ? act({ tx, event, eventId, now, occurredAt }, state)
    : skip("integration_disabled");
  if (!Array.isArray(acted)) {
    recordNoEmailReason({ tx, eventId, reason: acted.noEmail });
    return { outcome: "accepted", eventId, messageIds: [] };
  }
  return { outcome: "accepted", eventId, messageIds: acted };
}

/** What an event led to: the messages planned, or why none (a mapping error waiting in its digest returns []). */
type Acted = string[] | { noEmail: NoEmailReason };
const skip = (noEmail: NoEmailReason): Acted => ({ noEmail });

function act(ctx: Ctx, current: IntegrationState): Acted {
  const { tx, event, eventId, now, occurredAt } = ctx;
  const base = { tx, companyId: event.companyId, provider: event.provider, now, eventId };
  const actor: StatusActor = { type: "event", id: eventId, label: `event ${event.type} (${eventId})` };
  const change = (state: IntegrationState, cause: StatusCause): IntegrationState | null => {
    const next = transition(state, cause);
    if (next) saveIntegrationState({ tx, companyId: event.companyId, provider: event.provider, before: state, after: next, actor, at: now });
    return next;
  };

  switch (event.type) {
    case "integration.reauth_required": {
      const deadline = reauthDeadline(occurredAt, event.data.deadline ? new Date(event.data.deadline) : null);
      const opened = change(current, { by: "reauth_required", reason: event.data.reason, openedAt: now, deadline });
      // an alert is already open (or only Reconnect helps): it stands, nothing new is sent
      if (!opened) return skip(current.status === "disabled" && current.disabledBy === "auth" ? "reconnect_already_needed" : "alert_already_open");
      const deadlinePassed = deadline.getTime() <= now.getTime();
      const alert = planReauthAlert({
        ...base,
        stage: "alert",
        reason: event.data.reason,
        message: event.data.message,
        providerError: event.data.providerError,
        occurredAt,
        deadline,
        deadlinePassed,
      });
      if (!deadlinePassed) return alert.messageIds;
      // R22: a deadline already past on arrival disables the integration at once.
      const wasOff = opened.status === "disabled";
      change(opened, { by: "deadline_passed" });
      if (wasOff) return alert.messageIds; // already off, and the alert says it must be reconnected
      const disabled = planIntegrationDisabled({ ...base, occurredAt: now, reason: "reauth_deadline_passed", needsReconnect: true });
      return [...alert.messageIds, ...disabled.messageIds];
    }
    case "integration.auth_restored": {
      const next = change(current, { by: "auth_restored" });
      if (!next) return skip(current.status === "disabled" ? "integration_disabled" : "nothing_to_restore");
      // healthy again but still switched off: "syncing again" would be untrue; the enabled email says it when it is
      if (next.status !== "connected") return skip("restored_while_disabled");
      return planAuthRestored({ ...base, occurredAt, brokenSince: current.reauthAlertOpenedAt, via: "event" }).messageIds;
    }
    case "integration.enabled": {
      const next = change(current, { by: "enabled_event", now });
      if (!next) return skip(current.status === "disabled" ? "enable_after_deadline" : "not_disabled");
      // back to needs_reauth: nothing syncs yet, and the open alert already says what to do
      if (next.status !== "connected") return skip("still_needs_reauth");
      return planIntegrationEnabled({ ...base, occurredAt, actor: event.data.actor, via: "event" }).messageIds;
    }
    case "integration.disabled": {
      // An event that gives no reason reports someone turning the integration off.
      const reason = event.data.reason ?? "user_disconnected";
      const next = change(current, { by: "disabled_event", reason });
      if (!next) return skip("already_disabled");
      return planIntegrationDisabled({
        ...base,
        occurredAt,
        actor: event.data.actor,
        reason,
        needsReconnect: authorizationBroken(next),
      }).messageIds;
    }
    case "contacts.mapping_failed":
      // merged into the company's digest window, or sent at once when the window is 0 (R23)
      return acceptMappingErrors({ tx, companyId: event.companyId, provider: event.provider, eventId, occurredAt, now, data: event.data });
    case "sync.completed": {
      const mode = getSyncReportMode({ tx, companyId: event.companyId });
      if (wantsSyncReport(mode, event.data)) return planSyncReport({ ...base, data: event.data }).messageIds;
      return skip(mode === "off" ? "sync_reports_off" : "sync_without_failures");
    }
  }
}
