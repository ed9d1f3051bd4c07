import { now as clockNow } from "@/lib/clock";
import { db } from "@/db/client";
import type { Provider } from "@/db/schema";
import { getIntegrationState, saveIntegrationState, type StatusActor } from "@/db/queries/integrations-status";
import { cancelReauthJobs } from "@/db/queries/integrations";
import type { Viewer } from "@/lib/auth/session";
import { PROVIDER_NAMES } from "@/lib/notifications/email-props";
import { nudgeWorker } from "@/lib/notifications/nudge";
import { planIntegrationDisabled, planIntegrationEnabled } from "@/lib/notifications/plan-integration-emails";
import { DISABLE_REASON_PHRASES } from "@/lib/notifications/reason-text";
import { transition, type IntegrationState } from "./status";

/*
 * An admin's Disable / Enable on the integrations page (SPEC R11): in one
 * transaction the status changes through the R11 machine, the audit row names
 * the admin, a re-auth alert left open is closed with its pending reminder and
 * deadline jobs cancelled, and the disabled / enabled email is planned into
 * the outbox. The worker is nudged after the commit.
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
      const next = transition(state, { by: action === "disable" ? "admin_disable" : "admin_enable" });
      if (!next) return { ok: false, error: refusal(action, state, crm) };

      saveIntegrationState({ tx, companyId, provider, before: state, after: next, actor, at: now });
      if (state.status === "needs_reauth") cancelReauthJobs({ tx, companyId, integrationId: state.id });
      const base = { tx, companyId, provider, now, occurredAt: now, actor: person };
      if (action === "disable") {
        planIntegrationDisabled({ ...base, reason: "admin", needsReconnect: false });
        return { ok: true, message: `${crm} is disabled. Company admins can enable it again at any time.` };
      }
      planIntegrationEnabled({ ...base, via: "admin" });
      return { ok: true, message: `${crm} is enabled and syncing again.` };
    },
    { behavior: "immediate" },
  );
  if (result.ok) nudgeWorker();
  return result;
}
