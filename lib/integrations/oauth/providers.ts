import { type Provider, PROVIDER_NAMES } from "@/lib/integrations/providers";
import type { Env } from "@/lib/env";
import { SALESFORCE_LOGIN_HOST, zohoAccountsHost, zohoApiHost, type ZohoDataCenter } from "./crm-hosts";
import { SANDBOX_AUTHORIZE_PATH, SANDBOX_TOKEN_PATH, sandboxClientId, sandboxClientSecret } from "./sandbox";

/*
 * Where and how each CRM runs OAuth 2.0 (docs/product R34–R36): authorize and token
 * endpoints, scopes and their separator, extra authorize parameters and the
 * host quirks (Salesforce My Domain, Zoho data centres: ./crm-hosts.ts). Pure: the
 * configuration comes in as a value (from the environment in the app, from
 * the test in tests), so one provider can run live, another on the sandbox.
 */

type Credentials = { clientId?: string; clientSecret?: string };

export type OAuthConfig = {
  appUrl: string;
  appSecret: string;
  sandboxAllowed: boolean;
  credentials: Record<Provider, Credentials>;
  baseUrls: Partial<Record<Provider, string>>;
};

export function oauthConfigFromEnv(e: Env): OAuthConfig {
  return {
    appUrl: e.APP_URL,
    appSecret: e.APP_SECRET,
    sandboxAllowed: e.oauthSandboxAllowed,
    credentials: {
      hubspot: { clientId: e.HUBSPOT_CLIENT_ID, clientSecret: e.HUBSPOT_CLIENT_SECRET },
      salesforce: { clientId: e.SALESFORCE_CLIENT_ID, clientSecret: e.SALESFORCE_CLIENT_SECRET },
      zoho: { clientId: e.ZOHO_CLIENT_ID, clientSecret: e.ZOHO_CLIENT_SECRET },
    },
    baseUrls: { hubspot: e.HUBSPOT_OAUTH_BASE_URL, salesforce: e.SALESFORCE_OAUTH_BASE_URL, zoho: e.ZOHO_OAUTH_BASE_URL },
  };
}

type Spec = {
  scopes: readonly string[];
  scopeSeparator: string;
  authorizeParams: Record<string, string>;
  envPrefix: "HUBSPOT" | "SALESFORCE" | "ZOHO";
};

const SPECS: Record<Provider, Spec> = {
  hubspot: {
    scopes: ["crm.objects.contacts.read", "crm.objects.contacts.write", "crm.objects.owners.read", "oauth"],
    scopeSeparator: " ",
    authorizeParams: {},
    envPrefix: "HUBSPOT",
  },
  salesforce: {
    scopes: ["api", "refresh_token"],
    scopeSeparator: " ",
    authorizeParams: {},
    envPrefix: "SALESFORCE",
  },
  zoho: {
    // org.READ identifies the CRM organisation, the account a reconnect must match (R37)
    scopes: ["ZohoCRM.modules.ALL", "ZohoCRM.settings.ALL", "ZohoCRM.users.READ", "ZohoCRM.org.READ"],
    scopeSeparator: ",",
    // a refresh token is issued only for offline access, and again only with a fresh consent
    authorizeParams: { access_type: "offline", prompt: "consent" },
    envPrefix: "ZOHO",
  },
};

export const providerScopes = (provider: Provider): readonly string[] => SPECS[provider].scopes;

export type Availability = { kind: "live" } | { kind: "sandbox" } | { kind: "unavailable"; missing: string[]; message: string };

/** Live with both credentials; the sandbox when neither is set and the deployment allows it; otherwise what is missing. */
export function oauthAvailability(provider: Provider, config: OAuthConfig): Availability {
  const { clientId, clientSecret } = config.credentials[provider];
  if (clientId && clientSecret) return { kind: "live" };
  if (!clientId && !clientSecret && config.sandboxAllowed) return { kind: "sandbox" };
  const prefix = SPECS[provider].envPrefix;
  const missing = [!clientId && `${prefix}_CLIENT_ID`, !clientSecret && `${prefix}_CLIENT_SECRET`].filter((v): v is string => Boolean(v));
  const vars = missing.join(" and ");
  return { kind: "unavailable", missing, message: `Set ${vars} to connect ${PROVIDER_NAMES[provider]}.` };
}

export type ProviderChoices = { zohoDataCenter?: ZohoDataCenter | null; loginHost?: string | null };

export type OAuthEndpoints = {
  provider: Provider;
  sandbox: boolean;
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  /** HubSpot: token metadata host; Zoho: the data centre's API host (the token response may name another). */
  apiBase: string;
  clientId: string;
  clientSecret: string;
  scopes: readonly string[];
  scopeSeparator: string;
  authorizeParams: Record<string, string>;
  redirectUri: string;
  zohoDataCenter: ZohoDataCenter | null;
  /** plain http is allowed for the sandbox and loopback hosts only (local runs and tests) */
  allowInsecure: boolean;
};

const join = (base: string, path: string) => `${base.replace(/\/+$/, "")}${path}`;
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function isLoopbackUrl(url: string): boolean {
  try {
    return LOOPBACK.has(new URL(url).hostname);
  } catch {
    return false;
  }
}

export const callbackUrl = (appUrl: string, provider: Provider) => `${appUrl}/api/integrations/${provider}/callback`;

/** The endpoints of one authorization. Throws when the provider is unavailable: callers check availability first. */
export function oauthEndpoints(provider: Provider, config: OAuthConfig, choices: ProviderChoices = {}): OAuthEndpoints {
  const availability = oauthAvailability(provider, config);
  if (availability.kind === "unavailable") throw new Error(availability.message);
  const spec = SPECS[provider];
  const zohoDataCenter = provider === "zoho" ? (choices.zohoDataCenter ?? "com") : null;
  const common = {
    provider,
    scopes: spec.scopes,
    scopeSeparator: spec.scopeSeparator,
    authorizeParams: { ...spec.authorizeParams },
    redirectUri: callbackUrl(config.appUrl, provider),
    zohoDataCenter,
  };

  if (availability.kind === "sandbox") {
    const authorizeParams = { ...common.authorizeParams };
    if (zohoDataCenter) authorizeParams.dc = zohoDataCenter;
    if (provider === "salesforce" && choices.loginHost) authorizeParams.login_host = choices.loginHost;
    return {
      ...common,
      authorizeParams,
      sandbox: true,
      issuer: config.appUrl,
      authorizationEndpoint: `${config.appUrl}${SANDBOX_AUTHORIZE_PATH(provider)}`,
      tokenEndpoint: `${config.appUrl}${SANDBOX_TOKEN_PATH(provider)}`,
      apiBase: `${config.appUrl}/api/oauth-sandbox/${provider}`,
      clientId: sandboxClientId(provider),
      clientSecret: sandboxClientSecret(provider, config.appSecret),
      allowInsecure: true,
    };
  }

  const override = config.baseUrls[provider];
  const { clientId, clientSecret } = config.credentials[provider] as Required<Credentials>;
  let authBase: string;
  let tokenBase: string;
  let apiBase: string;
  switch (provider) {
    case "hubspot":
      authBase = override ?? "https://app.hubspot.com";
      tokenBase = apiBase = override ?? "https://api.hubapi.com";
      break;
    case "salesforce":
      authBase =
        tokenBase =
        apiBase =
          choices.loginHost ? `https://${choices.loginHost}` : (override ?? `https://${SALESFORCE_LOGIN_HOST}`);
      break;
    case "zoho":
      authBase = tokenBase = override ?? `https://${zohoAccountsHost(zohoDataCenter!)}`;
      apiBase = override ?? `https://${zohoApiHost(zohoDataCenter!)}`;
      break;
  }
  const authorizationEndpoint = join(
    authBase,
    provider === "hubspot" ? "/oauth/authorize" : provider === "salesforce" ? "/services/oauth2/authorize" : "/oauth/v2/auth",
  );
  const tokenEndpoint = join(
    tokenBase,
    provider === "hubspot" ? "/oauth/v1/token" : provider === "salesforce" ? "/services/oauth2/token" : "/oauth/v2/token",
  );
  return {
    ...common,
    sandbox: false,
    issuer: new URL(authorizationEndpoint).origin,
    authorizationEndpoint,
    tokenEndpoint,
    apiBase,
    clientId,
    clientSecret,
    allowInsecure: isLoopbackUrl(tokenEndpoint),
  };
}

/** The URL the admin's browser is sent to: code flow with PKCE (S256) and the session-bound state. */
export function buildAuthorizeUrl(endpoints: OAuthEndpoints, { state, codeChallenge }: { state: string; codeChallenge: string }): string {
  const url = new URL(endpoints.authorizationEndpoint);
  const params = url.searchParams;
  params.set("response_type", "code");
  params.set("client_id", endpoints.clientId);
  params.set("redirect_uri", endpoints.redirectUri);
  params.set("scope", endpoints.scopes.join(endpoints.scopeSeparator));
  params.set("state", state);
  params.set("code_challenge", codeChallenge);
  params.set("code_challenge_method", "S256");
  for (const [k, v] of Object.entries(endpoints.authorizeParams)) params.set(k, v);
  return url.toString();
}
