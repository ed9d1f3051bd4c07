import * as oauth from "oauth4webapi";
import { OAuthFlowError, safeDetail } from "./errors";
import { type OAuthEndpoints } from "./providers";
import { ZOHO_LOCATIONS } from "./crm-hosts";
import { lookupAccountId } from "./accounts";

/*
 * The network half of the callback (docs/product R34): validate the authorization
 * response, exchange the code with oauth4webapi (PKCE verifier, client secret
 * in the body as all three CRMs accept), and identify the CRM account. The
 * same code runs against the real providers, a base-URL override and the
 * built-in sandbox. Errors become OAuthFlowError codes; nothing here logs or
 * returns a token except in the result.
 */

export type ExchangedTokens = {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date | null;
  accountId: string;
  scope: string | null;
};

const TIMEOUT_MS = 15_000;

/** Checks the callback parameters; returns them in the form oauth4webapi's token request requires. */
export function validateCallback(endpoints: OAuthEndpoints, params: URLSearchParams, expectedState: string): URLSearchParams {
  const as = authorizationServer(endpoints);
  const client: oauth.Client = { client_id: endpoints.clientId };
  let validated: URLSearchParams;
  try {
    validated = oauth.validateAuthResponse(as, client, params, expectedState);
  } catch (e) {
    if (e instanceof oauth.AuthorizationResponseError) {
      // the admin (or the CRM's policy) said no; anything else is the provider's own error code
      throw e.error === "access_denied" ? new OAuthFlowError("access_denied") : new OAuthFlowError("provider_error", safeDetail(e.error));
    }
    throw new OAuthFlowError(params.get("state") === expectedState ? "provider_error" : "state_mismatch");
  }
  // Zoho sends the account's data centre; a code from another centre can't be redeemed at ours.
  const location = params.get("location");
  if (endpoints.provider === "zoho" && location && endpoints.zohoDataCenter && location !== ZOHO_LOCATIONS[endpoints.zohoDataCenter]) {
    throw new OAuthFlowError("zoho_wrong_dc", safeDetail(location));
  }
  if (!validated.get("code")) throw new OAuthFlowError("provider_error", "no_code");
  return validated;
}

export async function exchangeCode({
  endpoints,
  callback,
  codeVerifier,
  now = new Date(),
  timeoutMs = TIMEOUT_MS,
}: {
  endpoints: OAuthEndpoints;
  callback: URLSearchParams; // from validateCallback
  codeVerifier: string;
  now?: Date;
  timeoutMs?: number;
}): Promise<ExchangedTokens> {
  const as = authorizationServer(endpoints);
  const client: oauth.Client = { client_id: endpoints.clientId };
  let response: Response;
  try {
    response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      oauth.ClientSecretPost(endpoints.clientSecret),
      callback,
      endpoints.redirectUri,
      codeVerifier,
      { [oauth.allowInsecureRequests]: endpoints.allowInsecure, signal: AbortSignal.timeout(timeoutMs) },
    );
  } catch (e) {
    if (e instanceof OAuthFlowError) throw e;
    throw new OAuthFlowError("token_unreachable");
  }

  const { normalized, raw } = await normalizeTokenResponse(response);
  let tokens: oauth.TokenEndpointResponse;
  try {
    tokens = await oauth.processAuthorizationCodeResponse(as, client, normalized);
  } catch (e) {
    throw mapTokenError(e, response.status, raw);
  }
  if (!tokens.refresh_token) throw new OAuthFlowError("no_refresh_token");

  const accountId = await lookupAccountId({
    endpoints,
    accessToken: tokens.access_token,
    body: raw,
    timeoutMs,
  });
  return {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    expiresAt: typeof tokens.expires_in === "number" ? new Date(now.getTime() + tokens.expires_in * 1000) : null,
    accountId,
    scope: typeof tokens.scope === "string" ? tokens.scope : Array.isArray(raw.scopes) ? raw.scopes.join(" ") : null,
  };
}

function authorizationServer(endpoints: OAuthEndpoints): oauth.AuthorizationServer {
  return {
    issuer: endpoints.issuer,
    authorization_endpoint: endpoints.authorizationEndpoint,
    token_endpoint: endpoints.tokenEndpoint,
  };
}

/**
 * Reads the body once and hands oauth4webapi an equivalent response, after
 * two provider quirks: Zoho reports errors as HTTP 200 {"error": "invalid_code"},
 * and an id_token we never asked for (no openid scope) is dropped rather than
 * validated against an issuer that does not publish one.
 */
async function normalizeTokenResponse(response: Response): Promise<{ normalized: Response; raw: Record<string, unknown> }> {
  let text: string;
  try {
    text = await response.text();
  } catch {
    throw new OAuthFlowError("token_unreachable");
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const raw = json && typeof json === "object" && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
  if (response.status === 200) {
    if (json === undefined || raw !== json) throw new OAuthFlowError("token_malformed");
    if (typeof raw.error === "string" && raw.access_token === undefined) throw errorFromBody(raw.error, 200);
    const { id_token: _ignored, ...rest } = raw;
    text = JSON.stringify(rest);
  }
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  headers.delete("content-encoding");
  return { normalized: new Response(text, { status: response.status, statusText: response.statusText, headers }), raw };
}

const CODE_ERRORS = new Set(["invalid_grant", "invalid_code", "BAD_AUTH_CODE", "expired_code"]);
const CLIENT_ERRORS = new Set(["invalid_client", "unauthorized_client", "invalid_client_secret", "BAD_CLIENT_ID", "BAD_CLIENT_SECRET"]);

function errorFromBody(error: string, status: number): OAuthFlowError {
  if (CODE_ERRORS.has(error)) return new OAuthFlowError("code_rejected", safeDetail(error));
  if (CLIENT_ERRORS.has(error)) return new OAuthFlowError("client_rejected", safeDetail(error));
  if (status >= 500) return new OAuthFlowError("token_unavailable", String(status));
  return new OAuthFlowError("token_rejected", safeDetail(error));
}

function mapTokenError(e: unknown, status: number, raw: Record<string, unknown>): OAuthFlowError {
  if (e instanceof OAuthFlowError) return e;
  if (status >= 500) return new OAuthFlowError("token_unavailable", String(status));
  if (status >= 400) {
    // RFC 6749's {"error": …}, or HubSpot's own {"status": "BAD_AUTH_CODE", "message": …}
    const code = typeof raw.error === "string" ? raw.error : typeof raw.status === "string" ? raw.status : undefined;
    return code ? errorFromBody(code, status) : new OAuthFlowError("token_rejected", String(status));
  }
  if (status !== 200) return new OAuthFlowError("token_rejected", String(status));
  return new OAuthFlowError("token_malformed");
}
