import type { IntegrationStatus } from "@/db/schema";
import { authorizationBroken, transition, type IntegrationState } from "./status";
import type { DisabledBy, ReauthReason, StatusReason } from "@/lib/integrations/reasons";

/*
 * What the integrations page offers a company admin for an integration in a
 * given state, derived from the one R11 status machine (./status.ts) so the
 * buttons shown and the transitions the server accepts can't disagree.
 */

export type AdminOptions = {
  disable: boolean; // connected or needs_reauth
  enable: boolean; // disabled by an admin, and not past an open alert's deadline
  enableSyncs: boolean; // Enable really resumes syncing (authorization healthy); else it returns to needs_reauth
  reconnectNeeded: boolean; // authorization broken: needs_reauth, or disabled with it broken
};

export type OptionsInput = {
  status: IntegrationStatus;
  disabledBy: DisabledBy | null;
  statusReason?: StatusReason | null;
  reauthReason?: ReauthReason | null;
  reauthAlertOpenedAt?: Date | null;
  reauthDeadlineAt?: Date | null;
};

export function adminOptions(current: OptionsInput, now: Date): AdminOptions {
  const state: IntegrationState = {
    status: current.status,
    statusReason: current.statusReason ?? null,
    disabledBy: current.disabledBy,
    reauthReason: current.reauthReason ?? null,
    reauthAlertOpenedAt: current.reauthAlertOpenedAt ?? null,
    reauthDeadlineAt: current.reauthDeadlineAt ?? null,
  };
  const enabled = transition(state, { by: "admin_enable", now });
  return {
    disable: transition(state, { by: "admin_disable" }) !== null,
    enable: enabled !== null,
    enableSyncs: enabled?.status === "connected",
    reconnectNeeded: authorizationBroken(state),
  };
}
