import { now as clockNow } from "@/lib/clock";
import { transaction } from "@/db/queries/tx";
import { type Provider, PROVIDER_NAMES } from "@/lib/integrations/providers";
import { getIntegrationState } from "@/db/queries/integrations-status";
import type { Viewer } from "@/lib/auth/session";
import { nudgeWorker } from "@/lib/notifications/nudge";
import { formatDateTime } from "@/lib/format/date-time";
import { DISABLE_REASON_PHRASES } from "@/lib/notifications/reason-text";
import { alertOpen, authorizationBroken, type IntegrationState } from "./status";
import { changeStatus } from "./status-change";

/*
 * An admin's Disable / Enable on the integrations page (docs/product R11): in one
 * transaction the status changes (./status-change.ts: the R11 machine, the
 * audit row naming the admin, the disabled / enabled email into the outbox).
 * The worker is nudged after the commit. On/off is all an admin changes here: an
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
    return state.status === "disabled" ? `${crm} is already disabled.` : `${crm} isn't connected, so there is nothing to disable.`;
  }
  if (state.status !== "disabled") return `${crm} is ${STATUS_WORDS[state.status]}: only a disabled integration can be enabled.`;
  if (state.disabledBy === "admin" && alertOpen(state)) {
    return `The re-authentication deadline for ${crm} passed while it was disabled, so Enable can't bring it back. Reconnect it to turn it back on.`;
  }
  const phrase = DISABLE_REASON_PHRASES[state.statusReason as keyof typeof DISABLE_REASON_PHRASES] ?? "of its connection";
  return `${crm} was disabled because ${phrase}. Reconnect it to turn it back on; Enable only undoes an admin's Disable.`;
}

export async function setStatusAsAdmin({
  viewer,
  provider,
  action,
  now = clockNow(),
}: {
  viewer: Viewer;
  provider: Provider;
  action: AdminStatusAction;
  now?: Date;
}): Promise<AdminStatusResult> {
  const crm = PROVIDER_NAMES[provider];
  const { companyId } = viewer;
  const source = { by: "admin", user: { userId: viewer.userId, name: viewer.name, email: viewer.email } } as const;

  const result = await transaction(async (tx): Promise<AdminStatusResult> => {
    const current = await getIntegrationState({ tx, companyId, provider });
    if (!current) return { ok: false, error: `${crm} isn't available for ${viewer.company.name}.` };
    const change = action === "disable" ? ({ by: "admin_disable" } as const) : ({ by: "admin_enable", now } as const);
    const changed = await changeStatus({ tx, companyId, provider, current, change, source, now });
    if (!changed) return { ok: false, error: refusal(action, current, crm) };

    const next = changed.state;
    if (action === "disable") {
      return {
        ok: true,
        message: authorizationBroken(next)
          ? `${crm} is disabled. Its authorization is still broken: it needs reconnecting before it can sync again.`
          : `${crm} is disabled. Company admins can enable it again at any time.`,
      };
    }
    if (next.status === "needs_reauth") {
      // nothing syncs yet: the open alert already told everyone what to do, so no "enabled" email
      const by = formatDateTime(next.reauthDeadlineAt!.toISOString(), viewer.company.timeZone);
      return { ok: true, message: `${crm} is enabled but can't sync: its authorization is still broken. Reconnect it by ${by}.` };
    }
    return { ok: true, message: `${crm} is enabled and syncing again.` };
  });
  if (result.ok) nudgeWorker();
  return result;
}
