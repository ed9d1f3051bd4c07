import { describe, expect, it } from "vitest";
import { buildAuthorizeUrl, oauthAvailability, oauthEndpoints, providerScopes, type OAuthConfig } from "./providers";
import { parseSalesforceLoginHost, ZOHO_DATA_CENTERS } from "./crm-hosts";

const live = (overrides: Partial<OAuthConfig> = {}): OAuthConfig => ({
  appUrl: "https://switchboard.example.com",
  appSecret: "unit-test-secret-0123456789-0123456789",
  sandboxAllowed: false,
  credentials: {
    hubspot: { clientId: "hs-id", clientSecret: "hs-secret" },
    salesforce: { clientId: "sf-id", clientSecret: "sf-secret" },
    zoho: { clientId: "zo-id", clientSecret: "zo-secret" },
  },
  baseUrls: {},
  ...overrides,
});

const authorizeParams = (url: string) => Object.fromEntries(new URL(url).searchParams);

describe("OAuth provider catalogue", () => {
  it("builds each Zoho data centre's accounts host", () => {
    const hosts = Object.fromEntries(
      ZOHO_DATA_CENTERS.map((dc) => [dc, new URL(oauthEndpoints("zoho", live(), { zohoDataCenter: dc }).tokenEndpoint).host]),
    );
    expect(hosts).toEqual({
      com: "accounts.zoho.com",
      eu: "accounts.zoho.eu",
      in: "accounts.zoho.in",
      "com.au": "accounts.zoho.com.au",
      jp: "accounts.zoho.jp",
    });
    const eu = oauthEndpoints("zoho", live(), { zohoDataCenter: "eu" });
    expect(eu.authorizationEndpoint).toBe("https://accounts.zoho.eu/oauth/v2/auth");
    expect(eu.tokenEndpoint).toBe("https://accounts.zoho.eu/oauth/v2/token");
    expect(eu.apiBase).toBe("https://www.zohoapis.eu");
  });

  it("asks Zoho for offline access with a fresh consent, scopes comma-separated", () => {
    const url = buildAuthorizeUrl(oauthEndpoints("zoho", live(), { zohoDataCenter: "in" }), { state: "st", codeChallenge: "ch" });
    const p = authorizeParams(url);
    expect(p.access_type).toBe("offline");
    expect(p.prompt).toBe("consent");
    expect(p.scope).toBe("ZohoCRM.modules.ALL,ZohoCRM.settings.ALL,ZohoCRM.users.READ,ZohoCRM.org.READ");
    expect(p.redirect_uri).toBe("https://switchboard.example.com/api/integrations/zoho/callback");
  });

  it("uses the Salesforce login host, or the admin's My Domain", () => {
    expect(oauthEndpoints("salesforce", live()).authorizationEndpoint).toBe("https://login.salesforce.com/services/oauth2/authorize");
    const myDomain = oauthEndpoints("salesforce", live(), { loginHost: "acme.my.salesforce.com" });
    expect(myDomain.authorizationEndpoint).toBe("https://acme.my.salesforce.com/services/oauth2/authorize");
    expect(myDomain.tokenEndpoint).toBe("https://acme.my.salesforce.com/services/oauth2/token");
    expect(authorizeParams(buildAuthorizeUrl(myDomain, { state: "s", codeChallenge: "c" })).scope).toBe("api refresh_token");
  });

  it("accepts only Salesforce's own hosts as a login host", () => {
    expect(parseSalesforceLoginHost("https://Acme.my.salesforce.com/")).toEqual({ ok: true, host: "acme.my.salesforce.com" });
    expect(parseSalesforceLoginHost("acme--uat.sandbox.my.salesforce.com")).toEqual({
      ok: true,
      host: "acme--uat.sandbox.my.salesforce.com",
    });
    expect(parseSalesforceLoginHost("test.salesforce.com")).toEqual({ ok: true, host: "test.salesforce.com" });
    for (const bad of [
      "evil.example.com",
      "salesforce.com.evil.io",
      "http://acme.my.salesforce.com",
      "acme.my.salesforce.com:8443",
      "",
      "a b.salesforce.com",
    ]) {
      expect(parseSalesforceLoginHost(bad).ok, bad).toBe(false);
    }
  });

  it("uses HubSpot's authorize page and API host, with its scopes space-separated", () => {
    const hs = oauthEndpoints("hubspot", live());
    expect(hs.authorizationEndpoint).toBe("https://app.hubspot.com/oauth/authorize");
    expect(hs.tokenEndpoint).toBe("https://api.hubapi.com/oauth/v1/token");
    const p = authorizeParams(buildAuthorizeUrl(hs, { state: "the-state", codeChallenge: "the-challenge" }));
    expect(p).toMatchObject({
      response_type: "code",
      client_id: "hs-id",
      scope: "crm.objects.contacts.read crm.objects.contacts.write crm.objects.owners.read oauth",
      state: "the-state",
      code_challenge: "the-challenge",
      code_challenge_method: "S256",
    });
    expect(p.client_secret).toBeUndefined();
  });

  it("lists each provider's scopes", () => {
    expect(providerScopes("hubspot")).toContain("oauth");
    expect(providerScopes("salesforce")).toEqual(["api", "refresh_token"]);
    expect(providerScopes("zoho")).toContain("ZohoCRM.modules.ALL");
  });

  it("lets a base URL override replace every provider host (tests, proxies)", () => {
    const config = live({
      baseUrls: { hubspot: "http://127.0.0.1:4010", salesforce: "http://127.0.0.1:4011/", zoho: "http://127.0.0.1:4012" },
    });
    expect(oauthEndpoints("hubspot", config).tokenEndpoint).toBe("http://127.0.0.1:4010/oauth/v1/token");
    expect(oauthEndpoints("salesforce", config).tokenEndpoint).toBe("http://127.0.0.1:4011/services/oauth2/token");
    expect(oauthEndpoints("zoho", config, { zohoDataCenter: "jp" }).tokenEndpoint).toBe("http://127.0.0.1:4012/oauth/v2/token");
    expect(oauthEndpoints("zoho", config).allowInsecure).toBe(true); // loopback only
    expect(oauthEndpoints("hubspot", live()).allowInsecure).toBe(false);
  });

  it("falls back to the sandbox only without credentials and where allowed, else names what is missing", () => {
    const none = live({ credentials: { hubspot: {}, salesforce: {}, zoho: { clientId: "only-id" } } });
    expect(oauthAvailability("hubspot", none)).toEqual({
      kind: "unavailable",
      missing: ["HUBSPOT_CLIENT_ID", "HUBSPOT_CLIENT_SECRET"],
      message: "Set HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET to connect HubSpot.",
    });
    expect(oauthAvailability("zoho", { ...none, sandboxAllowed: true })).toMatchObject({
      kind: "unavailable",
      message: "Set ZOHO_CLIENT_SECRET to connect Zoho CRM.",
    });
    expect(oauthAvailability("hubspot", { ...none, sandboxAllowed: true })).toEqual({ kind: "sandbox" });
    expect(oauthAvailability("hubspot", live({ sandboxAllowed: true }))).toEqual({ kind: "live" });
    expect(() => oauthEndpoints("hubspot", none)).toThrow(/Set HUBSPOT_CLIENT_ID/);
  });

  it("points the sandbox at the app's own consent page and token endpoint, carrying the data centre", () => {
    const config = live({ sandboxAllowed: true, credentials: { hubspot: {}, salesforce: {}, zoho: {} } });
    const zoho = oauthEndpoints("zoho", config, { zohoDataCenter: "eu" });
    expect(zoho.sandbox).toBe(true);
    expect(zoho.tokenEndpoint).toBe("https://switchboard.example.com/api/oauth-sandbox/zoho/token");
    const url = new URL(buildAuthorizeUrl(zoho, { state: "s", codeChallenge: "c" }));
    expect(url.pathname).toBe("/oauth-sandbox/zoho/authorize");
    expect(url.searchParams.get("dc")).toBe("eu");
    expect(zoho.clientSecret).not.toBe(oauthEndpoints("hubspot", config).clientSecret);
  });
});
