import type { IntegrationStatus } from "@/db/schema";
import { type Provider, PROVIDER_NAMES } from "@/lib/integrations/providers";
import { getIntegrationDataCenter } from "@/db/queries/oauth";
import { env } from "@/lib/env";
import type { DisabledBy } from "@/lib/integrations/reasons";
import { oauthAvailability, oauthConfigFromEnv } from "@/lib/integrations/oauth/providers";
import { ZOHO_DATA_CENTERS, ZOHO_DATA_CENTER_LABELS } from "@/lib/integrations/oauth/crm-hosts";
import { ConnectButton, type ConnectMode } from "./connect-button";

/*
 * Which OAuth action a company admin is offered (docs/product R11, R12, R36):
 * Connect when never connected, Reconnect when re-authentication is needed
 * or it was disabled for an auth reason or with its authorization broken (an
 * admin's Disable of a healthy one offers Enable instead), Re-authorize on a
 * healthy connection.
 */
export function connectMode(status: IntegrationStatus, disabledBy: DisabledBy | null, authBroken = false): ConnectMode | null {
  switch (status) {
    case "disconnected":
      return "connect";
    case "needs_reauth":
      return "reconnect";
    case "disabled":
      return disabledBy === "admin" && !authBroken ? null : "reconnect";
    case "connected":
      return "reauthorize";
  }
}

export async function OAuthConnect({
  companyId,
  provider,
  status,
  disabledBy,
  authBroken,
  highlighted,
}: {
  companyId: string;
  provider: Provider;
  status: IntegrationStatus;
  disabledBy: DisabledBy | null;
  authBroken: boolean;
  highlighted: boolean;
}) {
  const mode = connectMode(status, disabledBy, authBroken);
  if (!mode) return null;
  const availability = oauthAvailability(provider, oauthConfigFromEnv(env));
  const stored = provider === "zoho" ? await getIntegrationDataCenter({ companyId, provider }) : undefined;
  return (
    <ConnectButton
      provider={provider}
      crm={PROVIDER_NAMES[provider]}
      mode={mode}
      availability={availability.kind === "unavailable" ? { kind: "unavailable", message: availability.message } : availability}
      dataCenters={provider === "zoho" ? ZOHO_DATA_CENTERS.map((dc) => ({ value: dc, label: ZOHO_DATA_CENTER_LABELS[dc] })) : undefined}
      zohoDataCenter={stored?.zohoDataCenter ?? null}
      highlighted={highlighted}
    />
  );
}
