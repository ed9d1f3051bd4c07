import { transaction, type Executor } from "@/db/queries/tx";
import { companyExists, eventExists, getSyncReportMode, insertEventOnce, recordNoEmailReason } from "@/db/queries/events";
import { getIntegrationState, touchIntegrationLastEvent } from "@/db/queries/integrations-status";
import { planSyncReport, wantsSyncReport } from "@/lib/notifications/sync-report";
import { acceptMappingErrors } from "@/lib/notifications/digest";
import type { IntegrationEvent } from "./events";
import type { NoEmailReason } from "./no-email";
import { eventActsOn, reauthDeadline, type IntegrationState } from "../status";
import { changeStatus, type StatusChange } from "../status-change";

/*
 * Accepting an integration event (docs/product R18–R22): in ONE transaction,
 * every query on its `tx`, the event is stored (the database rejects a
 * repeated webhook-id), the integration's status changes
 * (../status-change.ts), and the notification is planned into the outbox.
 * Rendering and sending happen later in the worker; the caller nudges it
 * after the commit.
 */

export type IngestResult =
  | { outcome: "accepted"; eventId: string; messageIds: string[] }
  | { outcome: "duplicate"; eventId: string }
  | { outcome: "unknown_company"; eventId: string }
  | { outcome: "not_connected"; eventId: string };

type Ctx = { tx: Executor; event: IntegrationEvent; eventId: string; now: Date; occurredAt: Date };

export type IngestInput = { eventId: string; body: string; event: IntegrationEvent; now: Date };

export function ingestEvent(input: IngestInput): Promise<IngestResult> {
  // the transaction takes the write lock up front, so two processes cannot both read "connected" and both plan
  return transaction((tx) => ingestEventIn(tx, input));
}

/**
 * The same, inside a transaction the caller holds (the group commit of
 * lib/integrations/ingest/group-commit.ts). A throw leaves this event's writes in
 * that transaction: the caller must roll it back.
 */
export async function ingestEventIn(tx: Executor, { eventId, body, event, now }: IngestInput): Promise<IngestResult> {
  const { companyId, provider } = event;
  const state = (await companyExists({ tx, companyId })) ? await getIntegrationState({ tx, companyId, provider }) : undefined;
  if (!state || state.status === "disconnected") {
    // A redelivery of an event we already hold is still a duplicate, whatever its new body says.
    if (await eventExists({ tx, id: eventId })) return { outcome: "duplicate", eventId };
    return { outcome: state ? "not_connected" : "unknown_company", eventId };
  }
  const occurredAt = new Date(event.occurredAt);
  const stored = await insertEventOnce({
    tx,
    row: { id: eventId, companyId, provider, type: event.type, occurredAt, receivedAt: now, body },
  });
  if (!stored) return { outcome: "duplicate", eventId };
  await touchIntegrationLastEvent({ tx, companyId, provider, at: now });

  const acted = eventActsOn(state.status, event.type)
    ? await act({ tx, event, eventId, now, occurredAt }, state)
    : skip("integration_disabled");
  if (!Array.isArray(acted)) {
    await recordNoEmailReason({ tx, eventId, reason: acted.noEmail });
    return { outcome: "accepted", eventId, messageIds: [] };
  }
  return { outcome: "accepted", eventId, messageIds: acted };
}

/** What an event led to: the messages planned, or why none (a mapping error waiting in its digest returns []). */
type Acted = string[] | { noEmail: NoEmailReason };
const skip = (noEmail: NoEmailReason): Acted => ({ noEmail });

async function act(ctx: Ctx, current: IntegrationState): Promise<Acted> {
  const { tx, event, eventId, now, occurredAt } = ctx;
  const base = { tx, companyId: event.companyId, provider: event.provider, now, eventId };
  const actor = "actor" in event.data ? event.data.actor : undefined;
  const source = { by: "event", eventId, eventType: event.type, occurredAt, actor } as const;
  const change = (cause: StatusChange) =>
    changeStatus({ tx, companyId: event.companyId, provider: event.provider, now, current, change: cause, source });

  switch (event.type) {
    case "integration.reauth_required": {
      const { reason, message, providerError } = event.data;
      const deadline = reauthDeadline(occurredAt, event.data.deadline ? new Date(event.data.deadline) : null);
      const opened = await change({ by: "reauth_required", reason, message, providerError, openedAt: now, deadline });
      // an alert is already open (or only Reconnect helps): it stands, nothing new is sent
      if (!opened)
        return skip(current.status === "disabled" && current.disabledBy === "auth" ? "reconnect_already_needed" : "alert_already_open");
      return opened.messageIds;
    }
    case "integration.auth_restored": {
      const restored = await change({ by: "auth_restored" });
      if (!restored) return skip(current.status === "disabled" ? "integration_disabled" : "nothing_to_restore");
      // healthy again but still switched off: "syncing again" would be untrue; the enabled email says it when it is
      if (restored.state.status !== "connected") return skip("restored_while_disabled");
      return restored.messageIds;
    }
    case "integration.enabled": {
      const enabled = await change({ by: "enabled_event", now });
      if (!enabled) return skip(current.status === "disabled" ? "enable_after_deadline" : "not_disabled");
      // back to needs_reauth: nothing syncs yet, and the open alert already says what to do
      if (enabled.state.status !== "connected") return skip("still_needs_reauth");
      return enabled.messageIds;
    }
    case "integration.disabled": {
      // An event that gives no reason reports someone turning the integration off.
      const disabled = await change({ by: "disabled_event", reason: event.data.reason ?? "user_disconnected" });
      return disabled ? disabled.messageIds : skip("already_disabled");
    }
    case "contacts.mapping_failed":
      // merged into the company's digest window, or sent at once when the window is 0 (R23)
      return acceptMappingErrors({ tx, companyId: event.companyId, provider: event.provider, eventId, occurredAt, now, data: event.data });
    case "sync.completed": {
      const mode = await getSyncReportMode({ tx, companyId: event.companyId });
      if (wantsSyncReport(mode, event.data)) return (await planSyncReport({ ...base, data: event.data })).messageIds;
      return skip(mode === "off" ? "sync_reports_off" : "sync_without_failures");
    }
  }
}
