import { now as clockNow } from "@/lib/clock";
import type { IntegrationStatus } from "@/db/schema";
import type { Provider } from "@/lib/integrations/providers";
import { insertAudit } from "@/db/queries/audit";
import { transaction } from "@/db/queries/tx";
import { getIntegrationState } from "@/db/queries/integrations-status";
import { getIntegrationCredentialsInfo, saveIntegrationCredentials } from "@/db/queries/oauth";
import type { Viewer } from "@/lib/auth/session";
import { encryptToken, tokenContext } from "@/lib/crypto/token-cipher";
import { nudgeWorker } from "@/lib/notifications/nudge";
import type { ConnectResult } from "./errors";
import type { ExchangedTokens } from "./exchange";
import { resolveSettings, withDispositionFromCrm } from "../settings/schema";
import { changeStatus } from "../status-change";

/*
 * What a successful (re)connect changes (docs/product R37), in ONE transaction after
 * the token exchange: the status (../status-change.ts: the R11 machine,
 * closing an open re-auth alert and cancelling its reminder and deadline, the
 * audit row, and the email: integration enabled after a first connect or a
 * re-enable, auth restored after needs_reauth), the encrypted tokens and the
 * CRM account, R13's disposition direction back to CRM → Switchboard, and the
 * audit row of the authorization. A token for another CRM account than the
 * one connected changes nothing.
 */

export type ApplyResult =
  | { ok: true; result: ConnectResult }
  | { ok: false; code: "account_mismatch"; storedAccountId: string }
  | { ok: false; code: "not_allowed" };

// what the page says, by the status the connect started from
const RESULT_FROM: Record<IntegrationStatus, ConnectResult> = {
  disconnected: "connected",
  needs_reauth: "restored",
  disabled: "reenabled",
  connected: "reauthorized",
};

export async function applyConnection({
  viewer,
  provider,
  tokens,
  zohoDataCenter,
  sandbox,
  now = clockNow(),
}: {
  viewer: Pick<Viewer, "userId" | "name" | "email" | "companyId">;
  provider: Provider;
  tokens: ExchangedTokens;
  zohoDataCenter: string | null;
  sandbox: boolean;
  now?: Date;
}): Promise<ApplyResult> {
  const { companyId } = viewer;
  const label = `${viewer.name} <${viewer.email}>`;
  const source = { by: "oauth", user: { userId: viewer.userId, name: viewer.name, email: viewer.email } } as const;
  // encrypted before the transaction, which holds the write lock while it is open
  const accessTokenEnc = encryptToken(tokens.accessToken, { context: tokenContext(companyId, provider, "access") });
  const refreshTokenEnc = encryptToken(tokens.refreshToken, { context: tokenContext(companyId, provider, "refresh") });

  const outcome = await transaction(async (tx): Promise<ApplyResult> => {
    const state = await getIntegrationState({ tx, companyId, provider });
    const info = await getIntegrationCredentialsInfo({ tx, companyId, provider });
    if (!state || !info) return { ok: false, code: "not_allowed" };
    if (info.externalAccountId && info.externalAccountId !== tokens.accountId) {
      return { ok: false, code: "account_mismatch", storedAccountId: info.externalAccountId };
    }
    // connected: a re-authorization renews the tokens and leaves the status alone; otherwise the
    // status changes first (closing an open re-auth alert, also one kept while disabled), so a refusal writes nothing
    if (state.status !== "connected") {
      const change = { by: state.status === "disconnected" ? "connect" : "reconnect" } as const;
      const changed = await changeStatus({ tx, companyId, provider, current: state, change, source, now });
      if (!changed) return { ok: false, code: "not_allowed" };
    }

    const dispositionBefore = resolveSettings(provider, info.settings).communication.dispositionDirection;
    await saveIntegrationCredentials({
      tx,
      companyId,
      provider,
      values: {
        externalAccountId: tokens.accountId,
        zohoDataCenter: provider === "zoho" ? zohoDataCenter : info.zohoDataCenter,
        accessTokenEnc,
        refreshTokenEnc,
        tokenExpiresAt: tokens.expiresAt,
        settings: withDispositionFromCrm(provider, info.settings),
      },
    });
    await insertAudit({
      tx,
      companyId,
      actor: { type: "user", id: viewer.userId, label },
      action: "integration.oauth_authorized",
      entity: `integration:${provider}`,
      before: {
        externalAccountId: info.externalAccountId,
        zohoDataCenter: info.zohoDataCenter,
        dispositionDirection: dispositionBefore,
      },
      after: {
        externalAccountId: tokens.accountId,
        zohoDataCenter: provider === "zoho" ? zohoDataCenter : info.zohoDataCenter,
        dispositionDirection: "crm_to_app",
        scope: tokens.scope,
        tokenExpiresAt: tokens.expiresAt?.toISOString() ?? null,
        sandbox,
      },
      at: now,
    });

    return { ok: true, result: RESULT_FROM[state.status] };
  });
  if (outcome.ok && outcome.result !== "reauthorized") nudgeWorker();
  return outcome;
}
