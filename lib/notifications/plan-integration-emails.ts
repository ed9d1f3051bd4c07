import type { Provider } from "@/lib/integrations/providers";
import type { Executor } from "@/db/queries/tx";
import type { DisableReason, EventDisableReason, ReauthReason } from "@/lib/integrations/reasons";
import type { Person } from "./email-props";
import { planNotification, type PlannedNotification } from "./planner";
import { companyAdminContacts } from "./admin-contacts";

/*
 * The status emails (docs/product R22, R28, R37) planned through the one planner:
 * re-auth alert, recovery notice, enabled, disabled. Callers pass plain
 * values; lib/integrations/status-change.ts decides which one a status change
 * sends, and lib/integrations/reauth-jobs.ts sends the reminder.
 */

type Base = { tx: Executor; companyId: string; provider: Provider; now: Date; eventId?: string };

const PROVIDER_ERROR_MAX = 2_000;

/** Compact JSON of the CRM's error for the alert's detail line, bounded in size. */
export function compactProviderError(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const json = JSON.stringify(value);
  return json.length > PROVIDER_ERROR_MAX ? `${json.slice(0, PROVIDER_ERROR_MAX - 1)}…` : json;
}

export async function planReauthAlert(
  input: Base & {
    stage: "alert" | "reminder";
    reason: ReauthReason;
    message?: string;
    providerError?: string; // compactProviderError's form: the alert and its reminder show the same text
    occurredAt: Date;
    deadline: Date;
    deadlinePassed: boolean;
  },
): Promise<PlannedNotification> {
  const admins = await companyAdminContacts({ tx: input.tx, companyId: input.companyId });
  return await planNotification(input.tx, {
    companyId: input.companyId,
    provider: input.provider,
    kind: input.stage === "alert" ? "reauth_required" : "reauth_reminder",
    eventId: input.eventId,
    now: input.now,
    buildProps: ({ appUrl }) => ({
      stage: input.stage,
      reauthReason: input.reason,
      ...(input.message ? { message: input.message } : {}),
      ...(input.providerError !== undefined ? { providerError: input.providerError } : {}),
      occurredAt: input.occurredAt.toISOString(),
      deadline: input.deadline.toISOString(),
      deadlinePassed: input.deadlinePassed,
      admins,
      reconnectUrl: `${appUrl}/integrations?reconnect=${input.provider}`,
    }),
  });
}

export async function planAuthRestored(
  input: Base & { occurredAt: Date; brokenSince: Date | null; via: "event" | "reconnect" },
): Promise<PlannedNotification> {
  return await planNotification(input.tx, {
    companyId: input.companyId,
    provider: input.provider,
    kind: "auth_restored",
    eventId: input.eventId,
    now: input.now,
    buildProps: ({ appUrl }) => ({
      occurredAt: input.occurredAt.toISOString(),
      ...(input.brokenSince ? { brokenSince: input.brokenSince.toISOString() } : {}),
      via: input.via,
      integrationsUrl: `${appUrl}/integrations`,
    }),
  });
}

export async function planIntegrationEnabled(
  input: Base & { occurredAt: Date; actor?: Person; via: "event" | "admin" | "connect" },
): Promise<PlannedNotification> {
  return await planNotification(input.tx, {
    companyId: input.companyId,
    provider: input.provider,
    kind: "integration_enabled",
    eventId: input.eventId,
    now: input.now,
    buildProps: ({ appUrl }) => ({
      occurredAt: input.occurredAt.toISOString(),
      ...(input.actor ? { actor: input.actor } : {}),
      via: input.via,
      settingsUrl: `${appUrl}/integrations/${input.provider}/settings/sync`,
    }),
  });
}

export async function planIntegrationDisabled(
  input: Base & { occurredAt: Date; actor?: Person; reason: DisableReason | EventDisableReason; needsReconnect: boolean },
): Promise<PlannedNotification> {
  return await planNotification(input.tx, {
    companyId: input.companyId,
    provider: input.provider,
    kind: "integration_disabled",
    eventId: input.eventId,
    now: input.now,
    buildProps: ({ appUrl }) => ({
      occurredAt: input.occurredAt.toISOString(),
      ...(input.actor ? { actor: input.actor } : {}),
      disableReason: input.reason,
      needsReconnect: input.needsReconnect,
      integrationsUrl: input.needsReconnect ? `${appUrl}/integrations?reconnect=${input.provider}` : `${appUrl}/integrations`,
    }),
  });
}
