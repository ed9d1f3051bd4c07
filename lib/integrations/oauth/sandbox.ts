import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Provider } from "@/lib/integrations/providers";

/*
 * The built-in sandbox authorization server (docs/product R36): what the consent page
 * and its token endpoint agree on. It behaves like the real CRMs where the
 * client can tell (per-provider token responses, Zoho's HTTP 200 errors,
 * one-time codes bound to client, redirect URI and PKCE challenge), so the
 * app's real OAuth code path runs against it unchanged.
 */

export const SANDBOX_AUTHORIZE_PATH = (provider: Provider) => `/oauth-sandbox/${provider}/authorize`;
export const SANDBOX_TOKEN_PATH = (provider: Provider) => `/api/oauth-sandbox/${provider}/token`;
export const SANDBOX_CODE_TTL_MS = 5 * 60_000;
const ACCESS_TTL_S: Record<Provider, number> = { hubspot: 1800, salesforce: 7200, zoho: 3600 };

export const sandboxClientId = (provider: Provider) => `switchboard-sandbox-${provider}`;

/** Derived from APP_SECRET, so both ends know it and it never needs configuring. */
export function sandboxClientSecret(provider: Provider, appSecret: string): string {
  return createHmac("sha256", appSecret).update(`oauth-sandbox-client:${provider}`).digest("base64url");
}

/**
 * The CRM accounts an admin can grant in the sandbox. The first is the
 * company's own, stable per company and CRM (the demo data's connected
 * integrations carry these ids); the second lets anyone try R37's refusal of
 * a different account.
 */
export function sandboxAccounts(companyId: string, provider: Provider): { id: string; label: string }[] {
  const id = `demo-${companyId}-${provider}`;
  return [
    { id, label: `Your company's account (${id})` },
    { id: `${id}-2`, label: `A different account (${id}-2)` },
  ];
}

export const s256 = (verifier: string) => createHash("sha256").update(verifier).digest("base64url");

export const newSandboxCode = () => `sbxc_${randomBytes(24).toString("base64url")}`;

// ── Signed sandbox tokens (stateless: the sandbox API verifies them by signature) ─

export type SandboxGrant = { companyId: string; provider: Provider; accountId: string; dataCenter: string | null };
type TokenPayload = {
  c: string;
  p: Provider;
  a: string;
  dc: string | null;
  k: "access" | "refresh";
  exp: number | null;
  n: string;
};

function sign(payload: TokenPayload, appSecret: string): string {
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  const mac = createHmac("sha256", appSecret).update(`oauth-sandbox-token.${body}`).digest("base64url");
  return `sbx_${payload.k === "access" ? "at" : "rt"}.${body}.${mac}`;
}

export function verifySandboxToken(token: string, kind: "access" | "refresh", appSecret: string, now: Date): TokenPayload | null {
  const [prefix, body, mac] = token.split(".");
  if (prefix !== (kind === "access" ? "sbx_at" : "sbx_rt") || !body || !mac) return null;
  const expected = createHmac("sha256", appSecret).update(`oauth-sandbox-token.${body}`).digest();
  const given = Buffer.from(mac, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as TokenPayload;
    if (payload.k !== kind) return null;
    if (payload.exp !== null && payload.exp * 1000 <= now.getTime()) return null;
    return payload;
  } catch {
    return null;
  }
}

/** The token response body each CRM sends, for the granted account. */
export function sandboxTokenResponse(grant: SandboxGrant, ctx: { appSecret: string; appUrl: string; now: Date; refreshToken?: string }) {
  const nowS = Math.floor(ctx.now.getTime() / 1000);
  const base = { c: grant.companyId, p: grant.provider, a: grant.accountId, dc: grant.dataCenter };
  const ttl = ACCESS_TTL_S[grant.provider];
  const access = sign({ ...base, k: "access", exp: nowS + ttl, n: randomBytes(8).toString("base64url") }, ctx.appSecret);
  const refresh = ctx.refreshToken ?? sign({ ...base, k: "refresh", exp: null, n: randomBytes(8).toString("base64url") }, ctx.appSecret);
  const apiBase = `${ctx.appUrl}/api/oauth-sandbox/${grant.provider}`;
  switch (grant.provider) {
    case "hubspot":
      return {
        token_type: "bearer",
        access_token: access,
        refresh_token: refresh,
        expires_in: ttl,
        hub_id: grant.accountId,
        scopes: ["oauth"],
      };
    case "salesforce":
      return {
        access_token: access,
        refresh_token: refresh,
        token_type: "Bearer",
        instance_url: apiBase,
        id: `${apiBase}/id/${grant.accountId}/005SANDBOXUSER01`,
        issued_at: String(ctx.now.getTime()),
        scope: "api refresh_token",
        signature: createHmac("sha256", ctx.appSecret).update(access).digest("base64"),
      };
    case "zoho":
      return { access_token: access, refresh_token: refresh, api_domain: apiBase, token_type: "Bearer", expires_in: ttl };
  }
}

// ── The consent page's request ────────────────────────────────────────────

/** The authorize parameters the consent form carries to Allow / Deny. */
export const SANDBOX_REQUEST_FIELDS = [
  "client_id",
  "redirect_uri",
  "response_type",
  "scope",
  "state",
  "code_challenge",
  "code_challenge_method",
  "dc",
  "login_host",
] as const;

export type SandboxAuthorizeRequest = {
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string;
  codeChallenge: string;
  dataCenter: string | null;
  loginHost: string | null;
};

const ZOHO_DCS = ["com", "eu", "in", "com.au", "jp"];

/** Checks an authorize request as a strict server would; the error is shown on the consent page. */
export function parseSandboxAuthorizeRequest(
  provider: Provider,
  params: URLSearchParams,
  expected: { redirectUri: string },
): { ok: true; request: SandboxAuthorizeRequest } | { ok: false; error: string } {
  const get = (k: string) => params.get(k) ?? "";
  if (get("client_id") !== sandboxClientId(provider))
    return { ok: false, error: "Unknown client_id: this application is not registered with the sandbox." };
  if (get("redirect_uri") !== expected.redirectUri)
    return { ok: false, error: "The redirect_uri does not match the one registered for this application." };
  if (get("response_type") !== "code") return { ok: false, error: "Only response_type=code is supported." };
  if (!get("state") || get("state").length > 200) return { ok: false, error: "The request has no valid state parameter." };
  if (get("code_challenge_method") !== "S256" || !/^[\w-]{43}$/.test(get("code_challenge"))) {
    return { ok: false, error: "PKCE is required: send code_challenge with code_challenge_method=S256." };
  }
  const dataCenter = provider === "zoho" ? get("dc") : null;
  if (provider === "zoho" && !ZOHO_DCS.includes(dataCenter!))
    return { ok: false, error: "Choose a Zoho data centre (dc) before connecting." };
  return {
    ok: true,
    request: {
      clientId: get("client_id"),
      redirectUri: get("redirect_uri"),
      scope: get("scope"),
      state: get("state"),
      codeChallenge: get("code_challenge"),
      dataCenter,
      loginHost: provider === "salesforce" && get("login_host") ? get("login_host").slice(0, 253) : null,
    },
  };
}

/** The scopes as requested, in either separator (Zoho uses commas). */
export const splitScopes = (scope: string) => scope.split(/[\s,]+/).filter(Boolean);
