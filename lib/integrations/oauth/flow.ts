import * as oauth from "oauth4webapi";
import { type Provider, PROVIDER_NAMES } from "@/lib/integrations/providers";
import { getIntegrationState } from "@/db/queries/integrations-status";
import { consumeOAuthState, deleteExpiredOAuthStates, getOAuthState, insertOAuthState } from "@/db/queries/oauth";
import { db } from "@/db/client";
import type { Viewer } from "@/lib/auth/session";
import { can, FORBIDDEN_MESSAGES } from "@/lib/auth/permissions";
import { decryptToken, encryptToken } from "@/lib/crypto/token-cipher";
import { env } from "@/lib/env";
import { applyConnection } from "./connect";
import { OAuthFlowError, type ConnectResult, type OAuthErrorCode } from "./errors";
import { exchangeCode, validateCallback } from "./exchange";
import { buildAuthorizeUrl, oauthAvailability, oauthConfigFromEnv, oauthEndpoints, type OAuthConfig } from "./providers";
import { isZohoDataCenter, parseSalesforceLoginHost, type ZohoDataCenter } from "./crm-hosts";

/*
 * Connect / Reconnect (docs/product R34–R37). Start: an authorization bound to the
 * admin's session (state, PKCE verifier, the admin's data-centre / My Domain
 * choice), valid 10 minutes, then the provider's authorize URL. Complete: the
 * callback's state must be that admin's, in that session, for that CRM,
 * unused and fresh; it is consumed once, the code is exchanged and the
 * connection applied. Every refusal is a code for /integrations?oauth_error.
 */

export const STATE_TTL_MS = 10 * 60_000;

export type OAuthSession = { viewer: Viewer; sessionId: string };

export type StartInput = { zohoDataCenter?: string | null; loginHost?: string | null };
export type StartResult =
  { ok: true; url: string } | { ok: false; error: string; fieldErrors?: Partial<Record<"zohoDataCenter" | "loginHost", string>> };

export async function startAuthorization({
  session,
  provider,
  input,
  now = new Date(),
  config = oauthConfigFromEnv(env),
}: {
  session: OAuthSession;
  provider: Provider;
  input: StartInput;
  now?: Date;
  config?: OAuthConfig;
}): Promise<StartResult> {
  const { viewer, sessionId } = session;
  const crm = PROVIDER_NAMES[provider];
  if (!can(viewer.role, "integrations:change")) return { ok: false, error: FORBIDDEN_MESSAGES["integrations:change"] };
  const availability = oauthAvailability(provider, config);
  if (availability.kind === "unavailable") return { ok: false, error: availability.message };
  const current = await getIntegrationState({ tx: db, companyId: viewer.companyId, provider });
  if (!current) return { ok: false, error: `${crm} isn't available for ${viewer.company.name}.` };

  let zohoDataCenter: ZohoDataCenter | null = null;
  let loginHost: string | null = null;
  if (provider === "zoho") {
    if (!isZohoDataCenter(input.zohoDataCenter)) {
      return {
        ok: false,
        error: "Choose a data centre first.",
        fieldErrors: { zohoDataCenter: "Choose the data centre your Zoho account is in." },
      };
    }
    zohoDataCenter = input.zohoDataCenter;
  }
  if (provider === "salesforce" && input.loginHost?.trim()) {
    const parsed = parseSalesforceLoginHost(input.loginHost);
    if (!parsed.ok) return { ok: false, error: "Check the login host.", fieldErrors: { loginHost: parsed.message } };
    loginHost = parsed.host;
  }

  const endpoints = oauthEndpoints(provider, config, { zohoDataCenter, loginHost });
  const state = oauth.generateRandomState();
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const codeChallenge = await oauth.calculatePKCECodeChallenge(codeVerifier);
  await deleteExpiredOAuthStates({ companyId: viewer.companyId, before: now });
  await insertOAuthState({
    row: {
      state,
      companyId: viewer.companyId,
      userId: viewer.userId,
      sessionId,
      provider,
      mode: current.status === "disconnected" ? "connect" : "reconnect",
      // the verifier is a secret until the code is redeemed: kept encrypted like the tokens
      codeVerifier: encryptToken(codeVerifier, { context: `oauth-state:${state}` }),
      redirectUri: endpoints.redirectUri,
      zohoDataCenter,
      loginHost,
      sandbox: endpoints.sandbox,
      expiresAt: new Date(now.getTime() + STATE_TTL_MS),
      createdAt: now,
    },
  });
  return { ok: true, url: buildAuthorizeUrl(endpoints, { state, codeChallenge }) };
}

export type CompleteResult = { ok: true; result: ConnectResult } | { ok: false; code: OAuthErrorCode; detail?: string };

export async function completeAuthorization({
  session,
  provider,
  params,
  now = new Date(),
  config = oauthConfigFromEnv(env),
}: {
  session: OAuthSession | null;
  provider: Provider;
  params: URLSearchParams;
  now?: Date;
  config?: OAuthConfig;
}): Promise<CompleteResult> {
  const refuse = (code: OAuthErrorCode, detail?: string): CompleteResult => {
    // codes only: a callback's parameters (the code) and any token stay out of the logs
    console.warn(
      `[oauth] ${provider} callback for ${session?.viewer.companyId ?? "a signed-out visitor"} refused: ${code}${detail ? ` (${detail})` : ""}`,
    );
    return { ok: false, code, ...(detail ? { detail } : {}) };
  };
  if (!session) return refuse("signed_out");
  const { viewer, sessionId } = session;
  const stateParam = params.get("state");
  if (!stateParam) return refuse("state_missing");

  const row = await getOAuthState({ companyId: viewer.companyId, state: stateParam });
  if (!row || row.provider !== provider || row.sessionId !== sessionId || row.userId !== viewer.userId) return refuse("state_mismatch");
  if (row.usedAt) return refuse("state_used");
  if (row.expiresAt.getTime() <= now.getTime()) return refuse("state_expired");
  if (!(await consumeOAuthState({ companyId: viewer.companyId, state: row.state, now }))) return refuse("state_used");
  if (!can(viewer.role, "integrations:change")) return refuse("forbidden");

  const availability = oauthAvailability(provider, config);
  if (availability.kind === "unavailable") return refuse("not_configured");
  // the deployment's configuration changed between start and callback
  if ((availability.kind === "sandbox") !== row.sandbox) return refuse("not_allowed");
  const endpoints = oauthEndpoints(provider, config, {
    zohoDataCenter: isZohoDataCenter(row.zohoDataCenter) ? row.zohoDataCenter : null,
    loginHost: row.loginHost,
  });

  try {
    const callback = validateCallback(endpoints, params, row.state);
    const codeVerifier = decryptToken(row.codeVerifier, { context: `oauth-state:${row.state}` });
    const tokens = await exchangeCode({ endpoints, callback, codeVerifier, now });
    const applied = await applyConnection({
      viewer,
      provider,
      tokens,
      zohoDataCenter: endpoints.zohoDataCenter,
      sandbox: endpoints.sandbox,
      now,
    });
    if (!applied.ok) return refuse(applied.code);
    console.info(`[oauth] ${provider} ${applied.result} for ${viewer.companyId} by ${viewer.userId} (account ${tokens.accountId})`);
    return applied;
  } catch (e) {
    if (e instanceof OAuthFlowError) return refuse(e.code, e.detail);
    // an unexpected failure: its message may quote a provider response, so only its kind is logged
    console.error(`[oauth] ${provider} callback failed unexpectedly: ${e instanceof Error ? e.name : typeof e}`);
    return refuse("token_malformed");
  }
}
