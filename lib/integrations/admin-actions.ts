import { now as clockNow } from "@/lib/clock";
import { db } from "@/db/client";
import { type Provider, PROVIDER_NAMES } from "@/lib/integrations/providers";
import { getIntegrationState, saveIntegrationState, type StatusActor } from "@/db/queries/integrations-status";
import type { Viewer } from "@/lib/auth/session";
import { nudgeWorker } from "@/lib/notifications/nudge";
import { planIntegrationDisabled, planIntegrationEnabled } from "@/lib/notifications/plan-integration-emails";
import { formatDateTime } from "@/lib/format/date-time";
import { DISABLE_REASON_PHRASES } from "@/lib/notifications/reason-text";
import { alertOpen, authorizationBroken, transition, type IntegrationState } from "./status";

/*
 * An admin's Disable / Enable on the integrations page (SPEC R11): in one
 * transaction the status changes through the R11 machine, the audit row names
 * the admin, and the disabled / enabled email is planned into the outbox. The
 * worker is nudged after the commit. On/off is all an admin changes here: an
 * open re-auth alert stays open through Disable (its reminder paused, its
 * deadline running), and Enable of a broken authorization returns to
 * needs_reauth with that deadline and sends no "enabled" email, since nothing
 * syncs until someone reconnects.
 */

export type AdminStatusAction = "disable" | "enable";
export type AdminStatusResult = { ok: true; message: string } | { ok: false; error: string };

const STATUS_WORDS: Record<IntegrationState["status"], string> = {
  disconnected: "not connected",
  connected: "connected",
  needs_reauth: "waiting to be reconnected",
  disabled: "disabled",
};

function refusal(action: AdminStatusAction, state: IntegrationState, crm: string): string {
  if (action === "disable") {
    return state.status === "disabled"
      ? `${crm} is already disabled.`
      : `${crm} isn't connected, so there is nothing to disable.`;
  }
  if (state.status !== "disabled") return `${crm} is ${STATUS_WORDS[state.status]}: only a disabled integration can be enabled.`;
  if (state.disabledBy === "admin" && alertOpen(state)) {
    return `The re-authentication deadline for ${crm} passed while it was disabled, so Enable can't bring it back. Reconnect it to turn it back on.`;
  }
  const phrase = DISABLE_REASON_PHRASES[state.statusReason as keyof typeof DISABLE_REASON_PHRASES] ?? "of its connection";
  return `${crm} was disabled because ${phrase}. Reconnect it to turn it back on; Enable only undoes an admin's Disable.`;
}

export function setStatusAsAdmin({
  viewer,
  provider,
  action,
  now = clockNow(),
}: {
  viewer: Viewer;
  provider: Provider;
  action: AdminStatusAction;
  now?: Date;
}): AdminStatusResult {
  const crm = PROVIDER_NAMES[provider];
  const { companyId } = viewer;
  const actor: StatusActor = { type: "user", id: viewer.userId, label: `${viewer.name} <${viewer.email}>` };
  const person = { name: viewer.name, email: viewer.email };

  const result = db.transaction(
    (tx): AdminStatusResult => {
      const state = getIntegrationState({ tx, companyId, provider });
      if (!state) return { ok: false, error: `${crm} isn't available for ${viewer.company.name}.` };
      const next = transition(state, action === "disable" ? { by: "admin_disable" } : { by: "admin_enable", now });
      if (!next) return { ok: false, error: refusal(action, state, crm) };

      saveIntegrationState({ tx, companyId, provider, before: state, after: next, actor, at: now });
      const base = { tx, companyId, provider, now, occurredAt: now, actor: person };
      const broken = authorizationBroken(next);
      if (action === "disable") {
        planIntegrationDisabled({ ...base, reason: "admin", needsReconnect: broken });
        return {
          ok: true,
          message: broken
            ? `${crm} is disabled. Its authorization is still broken: it needs reconnecting before it can sync again.`
            : `${crm} is disabled. Company admins can enable it again at any time.`,
        };
      }
      if (next.status === "needs_reauth") {
        // nothing syncs yet: the open alert already told everyone what to do, so no "enabled" email
        const by = formatDateTime(next.reauthDeadlineAt!.toISOString(), viewer.company.timeZone);
        return { ok: true, message: `${crm} is enabled but can't sync: its authorization is still broken. Reconnect it by ${by}.` };
      }
      planIntegrationEnabled({ ...base, via: "admin" });
      return { ok: true, message: `${crm} is enabled and syncing again.` };
    },
    { behavior: "immediate" },
  );
  if (result.ok) nudgeWorker();
  return result;
}
