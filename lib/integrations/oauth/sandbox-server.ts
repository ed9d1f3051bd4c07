import { timingSafeEqual } from "node:crypto";
import type { Provider } from "@/lib/integrations/providers";
import { insertSandboxCode } from "@/db/queries/oauth";
import { deleteStaleSandboxCodes, redeemSandboxCode } from "@/db/queries/system/oauth-sandbox";
import { isZohoDataCenter, ZOHO_LOCATIONS } from "./crm-hosts";
import {
  newSandboxCode,
  s256,
  sandboxAccounts,
  SANDBOX_CODE_TTL_MS,
  type SandboxAuthorizeRequest,
  sandboxClientId,
  sandboxClientSecret,
  sandboxTokenResponse,
  verifySandboxToken,
} from "./sandbox";

/*
 * The sandbox's consent answer, token endpoint and its one API call (docs/product R36), as a strict
 * authorization server: client authentication, one-time codes (a reused
 * code is invalid_grant), redirect_uri and the PKCE verifier checked against
 * what the consent page stored. Errors take each CRM's shape: Zoho answers
 * HTTP 200 {"error": "invalid_code"}, the others RFC 6749's 400 / 401.
 */

type Ctx = { provider: Provider; appSecret: string; appUrl: string; now: Date };
type Reply = { status: number; body: Record<string, unknown> };

const MAX_BODY = 16 * 1024;
const DAY_MS = 24 * 60 * 60_000;

function oauthError(provider: Provider, status: 400 | 401, error: string, description: string): Reply {
  if (provider === "zoho") return { status: 200, body: { error: error === "invalid_grant" ? "invalid_code" : error } };
  return { status, body: { error, error_description: description } };
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** client_secret_post or client_secret_basic, as RFC 6749 §2.3.1 allows. */
function clientCredentials(form: URLSearchParams, authorization: string | null): { id: string; secret: string } {
  if (authorization?.startsWith("Basic ")) {
    const decoded = Buffer.from(authorization.slice(6), "base64").toString("utf8");
    const at = decoded.indexOf(":");
    if (at > 0) return { id: decodeURIComponent(decoded.slice(0, at)), secret: decodeURIComponent(decoded.slice(at + 1)) };
  }
  return { id: form.get("client_id") ?? "", secret: form.get("client_secret") ?? "" };
}

export async function sandboxTokenRequest(request: Request, ctx: Ctx): Promise<Reply> {
  const { provider, now } = ctx;
  if (!(request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded")) {
    return oauthError(provider, 400, "invalid_request", "Send the token request form-encoded.");
  }
  const text = await request.text();
  if (text.length > MAX_BODY) return oauthError(provider, 400, "invalid_request", "The request is too large.");
  const form = new URLSearchParams(text);
  const client = clientCredentials(form, request.headers.get("authorization"));
  if (client.id !== sandboxClientId(provider) || !sameSecret(client.secret, sandboxClientSecret(provider, ctx.appSecret))) {
    return oauthError(provider, 401, "invalid_client", "Client authentication failed.");
  }

  const grantType = form.get("grant_type");
  if (grantType === "refresh_token") {
    const grant = verifySandboxToken(form.get("refresh_token") ?? "", "refresh", ctx.appSecret, now);
    if (!grant || grant.p !== provider) return oauthError(provider, 400, "invalid_grant", "The refresh token is invalid.");
    const body = sandboxTokenResponse(
      { companyId: grant.c, provider, accountId: grant.a, dataCenter: grant.dc },
      { ...ctx, refreshToken: form.get("refresh_token")! },
    );
    return { status: 200, body };
  }
  if (grantType !== "authorization_code") {
    return oauthError(provider, 400, "unsupported_grant_type", "Use grant_type=authorization_code or refresh_token.");
  }

  await deleteStaleSandboxCodes({ before: new Date(now.getTime() - DAY_MS) });
  const redeemed = await redeemSandboxCode({ code: form.get("code") ?? "", now });
  if (redeemed.outcome === "unknown") return oauthError(provider, 400, "invalid_grant", "The authorization code is invalid.");
  if (redeemed.outcome === "used") return oauthError(provider, 400, "invalid_grant", "The authorization code was already used.");
  const code = redeemed.code;
  if (code.provider !== provider || code.clientId !== client.id) {
    return oauthError(provider, 400, "invalid_grant", "The authorization code was issued to another client.");
  }
  if (code.expiresAt.getTime() <= now.getTime()) return oauthError(provider, 400, "invalid_grant", "The authorization code has expired.");
  if (form.get("redirect_uri") !== code.redirectUri) {
    return oauthError(provider, 400, "invalid_grant", "redirect_uri does not match the authorization request.");
  }
  const verifier = form.get("code_verifier") ?? "";
  if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier) || s256(verifier) !== code.codeChallenge) {
    return oauthError(provider, 400, "invalid_grant", "PKCE verification failed.");
  }
  const body = sandboxTokenResponse({ companyId: code.companyId, provider, accountId: code.accountId, dataCenter: code.dataCenter }, ctx);
  return { status: 200, body };
}

/** Zoho's GET {api_domain}/crm/v8/org, enough of it to identify the organisation. */
export function sandboxZohoOrg(authorization: string | null, ctx: Ctx): Reply {
  const token = authorization?.match(/^(?:Zoho-oauthtoken|Bearer) (.+)$/)?.[1] ?? "";
  const grant = verifySandboxToken(token, "access", ctx.appSecret, ctx.now);
  if (!grant || grant.p !== "zoho") {
    return { status: 401, body: { code: "INVALID_TOKEN", details: {}, message: "invalid oauth token", status: "error" } };
  }
  return {
    status: 200,
    body: {
      org: [{ id: grant.a, company_name: `Sandbox organisation ${grant.a}`, domain_name: grant.a, country_code: grant.dc ?? "com" }],
    },
  };
}

/**
 * Allow / Deny on the consent page: like a real provider, the answer goes to
 * the client's redirect URI — a one-time code bound to the client, redirect
 * URI and PKCE challenge (Zoho adds the account's data centre), or
 * error=access_denied.
 */
export async function sandboxConsentRedirect({
  provider,
  companyId,
  request,
  decision,
  account,
  appUrl,
  now,
}: {
  provider: Provider;
  companyId: string;
  request: SandboxAuthorizeRequest;
  decision: "allow" | "deny";
  account: string | null;
  appUrl: string;
  now: Date;
}): Promise<string> {
  const url = new URL(request.redirectUri);
  if (decision === "deny") {
    url.searchParams.set("error", "access_denied");
    url.searchParams.set("error_description", "The user denied the authorization request.");
    url.searchParams.set("state", request.state);
    return url.toString();
  }
  const accounts = sandboxAccounts(companyId, provider);
  const chosen = accounts.find((a) => a.id === account) ?? accounts[0];
  const code = newSandboxCode();
  await insertSandboxCode({
    row: {
      code,
      companyId,
      provider,
      clientId: request.clientId,
      redirectUri: request.redirectUri,
      codeChallenge: request.codeChallenge,
      accountId: chosen.id,
      dataCenter: request.dataCenter,
      expiresAt: new Date(now.getTime() + SANDBOX_CODE_TTL_MS),
      createdAt: now,
    },
  });
  url.searchParams.set("code", code);
  url.searchParams.set("state", request.state);
  if (provider === "zoho" && isZohoDataCenter(request.dataCenter)) {
    url.searchParams.set("location", ZOHO_LOCATIONS[request.dataCenter]);
    url.searchParams.set("accounts-server", `${appUrl}/oauth-sandbox/zoho`);
  }
  return url.toString();
}
