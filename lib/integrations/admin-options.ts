import type { IntegrationStatus } from "@/db/schema";
import { transition, type DisabledBy, type IntegrationState } from "./status";

/*
 * What the integrations page offers a company admin for an integration in a
 * given state, derived from the one R11 status machine (./status.ts) so the
 * buttons shown and the transitions the server accepts can't disagree.
 */

export type AdminOptions = {
  disable: boolean; // connected or needs_reauth
  enable: boolean; // disabled by an admin: tokens were kept
  reconnectNeeded: boolean; // needs_reauth, or disabled for an auth reason / by the CRM
};

export function adminOptions(current: { status: IntegrationStatus; disabledBy: DisabledBy | null; statusReason?: string | null }): AdminOptions {
  const state: IntegrationState = {
    status: current.status,
    statusReason: current.statusReason ?? null,
    disabledBy: current.disabledBy,
    reauthAlertOpenedAt: null,
    reauthDeadlineAt: null,
  };
  const enable = transition(state, { by: "admin_enable" }) !== null;
  return {
    disable: transition(state, { by: "admin_disable" }) !== null,
    enable,
    reconnectNeeded: current.status === "needs_reauth" || (current.status === "disabled" && !enable),
  };
}
