import { describe, expect, it } from "vitest";
import { parseSandboxAuthorizeRequest, s256, sandboxAccounts, sandboxClientId, sandboxTokenResponse, verifySandboxToken } from "./sandbox";

const secret = "unit-test-secret-0123456789-0123456789";
const redirectUri = "http://127.0.0.1:3100/api/integrations/zoho/callback";
const now = new Date("2026-11-27T10:00:00Z");

function request(overrides: Record<string, string | null> = {}) {
  const params = new URLSearchParams({
    client_id: sandboxClientId("zoho"),
    redirect_uri: redirectUri,
    response_type: "code",
    scope: "ZohoCRM.modules.ALL,ZohoCRM.users.READ",
    state: "state-123",
    code_challenge: s256("a".repeat(43)),
    code_challenge_method: "S256",
    dc: "eu",
  });
  for (const [k, v] of Object.entries(overrides)) {
    if (v === null) params.delete(k);
    else params.set(k, v);
  }
  return parseSandboxAuthorizeRequest("zoho", params, { redirectUri });
}

describe("sandbox authorization server", () => {
  it("accepts a well-formed PKCE request and keeps the data centre", () => {
    const parsed = request();
    expect(parsed).toMatchObject({ ok: true, request: { dataCenter: "eu", state: "state-123" } });
  });

  it("refuses what a strict server refuses", () => {
    expect(request({ client_id: "someone-else" })).toMatchObject({ ok: false, error: expect.stringMatching(/client_id/) });
    expect(request({ redirect_uri: "https://evil.example/cb" })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/redirect_uri/),
    });
    expect(request({ code_challenge_method: "plain" })).toMatchObject({ ok: false, error: expect.stringMatching(/PKCE/) });
    expect(request({ code_challenge: null })).toMatchObject({ ok: false });
    expect(request({ state: null })).toMatchObject({ ok: false, error: expect.stringMatching(/state/) });
    expect(request({ dc: "mars" })).toMatchObject({ ok: false, error: expect.stringMatching(/data centre/) });
  });

  it("has a stable account per company and CRM, and a different one to try R37", () => {
    expect(sandboxAccounts("acme", "hubspot").map((a) => a.id)).toEqual(["demo-acme-hubspot", "demo-acme-hubspot-2"]);
    expect(sandboxAccounts("globex", "zoho")[0].id).toBe("demo-globex-zoho");
  });

  it("issues signed tokens in each CRM's response shape", () => {
    const ctx = { appSecret: secret, appUrl: "http://127.0.0.1:3100", now };
    const grant = { companyId: "acme", accountId: "demo-acme-salesforce", dataCenter: null };
    const sf = sandboxTokenResponse({ ...grant, provider: "salesforce" }, ctx);
    expect(sf).toMatchObject({ token_type: "Bearer", instance_url: "http://127.0.0.1:3100/api/oauth-sandbox/salesforce" });
    expect((sf as { id: string }).id).toContain("/id/demo-acme-salesforce/");
    const hs = sandboxTokenResponse({ ...grant, provider: "hubspot", accountId: "demo-acme-hubspot" }, ctx);
    expect(hs).toMatchObject({ hub_id: "demo-acme-hubspot", expires_in: 1800 });
    const zo = sandboxTokenResponse({ ...grant, provider: "zoho", dataCenter: "eu" }, ctx) as unknown as Record<string, string>;
    expect(zo.api_domain).toBe("http://127.0.0.1:3100/api/oauth-sandbox/zoho");
    const payload = verifySandboxToken(zo.access_token, "access", secret, now);
    expect(payload).toMatchObject({ c: "acme", p: "zoho", dc: "eu" });
    expect(verifySandboxToken(zo.access_token, "refresh", secret, now)).toBeNull();
    expect(verifySandboxToken(zo.access_token, "access", `${secret}x`, now)).toBeNull();
    expect(verifySandboxToken(zo.access_token, "access", secret, new Date(now.getTime() + 2 * 3600_000))).toBeNull();
    expect(verifySandboxToken(zo.refresh_token, "refresh", secret, now)).not.toBeNull();
  });
});
