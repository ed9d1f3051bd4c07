import { OAuthFlowError } from "./errors";
import { isLoopbackUrl, type OAuthEndpoints } from "./providers";

/*
 * Which CRM account a new token belongs to (docs/product R37: a reconnect must return
 * the account already connected). HubSpot: the portal (hub_id, in the token
 * response since 2025, else from the token metadata endpoint). Salesforce:
 * the org id inside the `id` URL. Zoho: the organisation id from the CRM API
 * of the data centre the token response names.
 */

const ACCOUNT_ID = /^[A-Za-z0-9_.:-]{1,128}$/;
// Zoho's API hosts per data centre; the token response's api_domain must be one of them.
const ZOHO_API_HOST = /^(?:www\.)?zohoapis\.(?:com|eu|in|com\.au|jp|ca|sa|uk|com\.cn)$/;

function accountId(value: unknown): string | null {
  if (typeof value !== "string" && typeof value !== "number") return null;
  const id = String(value);
  return ACCOUNT_ID.test(id) ? id : null;
}

export async function lookupAccountId({
  endpoints,
  accessToken,
  body,
  timeoutMs,
}: {
  endpoints: OAuthEndpoints;
  accessToken: string;
  body: Record<string, unknown>;
  timeoutMs: number;
}): Promise<string> {
  switch (endpoints.provider) {
    case "hubspot": {
      const direct = accountId(body.hub_id);
      if (direct) return direct;
      const url = new URL(`${endpoints.apiBase.replace(/\/+$/, "")}/oauth/v1/access-tokens/${encodeURIComponent(accessToken)}`);
      const meta = await getJson(url, endpoints, {}, timeoutMs);
      return accountId(meta.hub_id) ?? fail("no_hub_id");
    }
    case "salesforce": {
      // "https://login.salesforce.com/id/00D5e000000XXXXEAA/0055e000001YYYYAAA"
      if (typeof body.id !== "string") return fail("no_id_url");
      let segments: string[];
      try {
        segments = new URL(body.id).pathname.split("/").filter(Boolean);
      } catch {
        return fail("bad_id_url");
      }
      const at = segments.lastIndexOf("id");
      return (at >= 0 ? accountId(segments[at + 1]) : null) ?? fail("bad_id_url");
    }
    case "zoho": {
      const apiDomain = typeof body.api_domain === "string" ? body.api_domain : endpoints.apiBase;
      let base: URL;
      try {
        base = new URL(apiDomain);
      } catch {
        return fail("bad_api_domain");
      }
      const sameAsConfigured = base.origin === new URL(endpoints.apiBase).origin;
      if (!sameAsConfigured && !(base.protocol === "https:" && ZOHO_API_HOST.test(base.hostname))) return fail("bad_api_domain");
      const url = new URL(`${apiDomain.replace(/\/+$/, "")}/crm/v8/org`);
      const org = await getJson(url, endpoints, { authorization: `Zoho-oauthtoken ${accessToken}` }, timeoutMs);
      const first = Array.isArray(org.org) ? (org.org[0] as Record<string, unknown> | undefined) : undefined;
      return accountId(first?.id) ?? fail("no_org_id");
    }
  }
}

function fail(detail: string): never {
  throw new OAuthFlowError("account_lookup_failed", detail);
}

async function getJson(
  url: URL,
  endpoints: OAuthEndpoints,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<Record<string, unknown>> {
  const insecureOk = endpoints.sandbox || isLoopbackUrl(url.toString());
  if (url.protocol !== "https:" && !(url.protocol === "http:" && insecureOk)) fail("insecure_url");
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: "application/json", ...headers },
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "error",
    });
  } catch {
    return fail("unreachable");
  }
  if (!response.ok) return fail(String(response.status));
  try {
    const json = (await response.json()) as unknown;
    if (json && typeof json === "object" && !Array.isArray(json)) return json as Record<string, unknown>;
  } catch {
    // fall through
  }
  return fail("malformed");
}
