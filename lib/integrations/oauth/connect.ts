import { now as clockNow } from "@/lib/clock";
import { db } from "@/db/client";
import type { Provider } from "@/lib/integrations/providers";
import { insertAudit } from "@/db/queries/audit";
import { getIntegrationState, saveIntegrationState, type StatusActor } from "@/db/queries/integrations-status";
import { getIntegrationCredentialsInfo, saveIntegrationCredentials } from "@/db/queries/oauth";
import type { Viewer } from "@/lib/auth/session";
import { encryptToken, tokenContext } from "@/lib/crypto/token-cipher";
import { nudgeWorker } from "@/lib/notifications/nudge";
import { planAuthRestored, planIntegrationEnabled } from "@/lib/notifications/plan-integration-emails";
import type { ConnectResult } from "./errors";
import type { ExchangedTokens } from "./exchange";
import { resolveSettings, withDispositionFromCrm } from "../settings/schema";
import { transition } from "../status";

/*
 * What a successful (re)connect changes (SPEC R37), in ONE transaction after
 * the token exchange: the encrypted tokens and the CRM account, the status
 * through the R11 machine (closing an open re-auth alert and cancelling its
 * reminder and deadline), R13's disposition direction back to CRM →
 * Switchboard, the audit rows, and the email: integration enabled after a
 * first connect or a re-enable, auth restored after needs_reauth. A token for
 * another CRM account than the one connected changes nothing.
 */

export type ApplyResult =
  | { ok: true; result: ConnectResult }
  | { ok: false; code: "account_mismatch"; storedAccountId: string }
  | { ok: false; code: "not_allowed" };

export function applyConnection({
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
}): ApplyResult {
  const { companyId } = viewer;
  const label = `${viewer.name} <${viewer.email}>`;
  const actor: StatusActor = { type: "user", id: viewer.userId, label };
  // encrypted before the transaction: it stays short and synchronous
  const accessTokenEnc = encryptToken(tokens.accessToken, { context: tokenContext(companyId, provider, "access") });
  const refreshTokenEnc = encryptToken(tokens.refreshToken, { context: tokenContext(companyId, provider, "refresh") });

  const outcome = db.transaction(
    (tx): ApplyResult => {
      const state = getIntegrationState({ tx, companyId, provider });
      const info = getIntegrationCredentialsInfo({ tx, companyId, provider });
      if (!state || !info) return { ok: false, code: "not_allowed" };
      if (info.externalAccountId && info.externalAccountId !== tokens.accountId) {
        return { ok: false, code: "account_mismatch", storedAccountId: info.externalAccountId };
      }
      // connected: a re-authorization renews the tokens and leaves the status alone
      const next =
        state.status === "connected"
          ? null
          : transition(state, { by: state.status === "disconnected" ? "connect" : "reconnect" });
      if (state.status !== "connected" && !next) return { ok: false, code: "not_allowed" };

      const dispositionBefore = resolveSettings(provider, info.settings).communication.dispositionDirection;
      saveIntegrationCredentials({
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
      // closes an open re-auth alert (also one kept while disabled) and cancels its timers
      if (next) saveIntegrationState({ tx, companyId, provider, before: state, after: next, actor, at: now });
      insertAudit({
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

      const base = { tx, companyId, provider, now, occurredAt: now };
      const person = { name: viewer.name, email: viewer.email };
      switch (state.status) {
        case "needs_reauth":
          planAuthRestored({ ...base, brokenSince: state.reauthAlertOpenedAt, via: "reconnect" });
          return { ok: true, result: "restored" };
        case "disconnected":
          planIntegrationEnabled({ ...base, actor: person, via: "connect" });
          return { ok: true, result: "connected" };
        case "disabled":
          planIntegrationEnabled({ ...base, actor: person, via: "connect" });
          return { ok: true, result: "reenabled" };
        case "connected":
          return { ok: true, result: "reauthorized" };
      }
    },
    { behavior: "immediate" },
  );
  if (outcome.ok && outcome.result !== "reauthorized") nudgeWorker();
  return outcome;
}
