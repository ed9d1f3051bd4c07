import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, integrations, notifications, oauthStates, scheduledJobs } from "@/db/schema";
import type { FakeOAuthServer } from "@/lib/testing/fake-oauth-server";
import type { Provider } from "@/lib/integrations/providers";
import {
  fake,
  config,
  flow,
  cipher,
  admin,
  row,
  kinds,
  disposition,
  authorizeAt,
  complete,
  useOAuthHarness,
} from "../../testing/oauth-harness";

/*
 * Connecting a CRM through its real token endpoint (a local fake provider,
 * oauth-test-harness.ts), and every token-endpoint failure mapped to a clear
 * code with nothing changed.
 */
useOAuthHarness();

// the application's own connection, opened once the harness has pointed DATABASE_URL at its file
let db: typeof import("@/db/client").db;
beforeAll(async () => {
  ({ db } = await import("@/db/client"));
});

describe("connect against a provider's real token endpoint", () => {
  it("connects Zoho in the EU data centre: PKCE, encrypted tokens, org id, enabled email, audit", async () => {
    const { url, params } = await authorizeAt("zoho", "zoho-org-777", { zohoDataCenter: "eu" });
    expect(url.origin + url.pathname).toBe(`${fake.url}/oauth/v2/auth`);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    params.set("location", "eu");

    expect(await complete("zoho", params)).toEqual({ ok: true, result: "connected" });
    const sent = fake.tokenRequests.at(-1)!;
    expect(sent.get("grant_type")).toBe("authorization_code");
    expect(sent.get("client_secret")).toBe(fake.clientSecret);
    expect(sent.get("redirect_uri")).toBe("https://switchboard.test/api/integrations/zoho/callback");
    expect(sent.get("code_verifier")).toMatch(/^[\w-]{43,}$/);

    const z = await row("zoho");
    expect(z).toMatchObject({ status: "connected", external_account_id: "zoho-org-777", zoho_data_center: "eu" });
    const [access, refresh] = fake.issuedTokens.slice(-2);
    for (const column of ["access_token_enc", "refresh_token_enc"]) {
      expect(String(z[column])).toMatch(/^v1\./);
      expect(String(z[column])).not.toContain(access);
      expect(String(z[column])).not.toContain(refresh);
    }
    expect(cipher.decryptToken(String(z.access_token_enc), { context: cipher.tokenContext("acme", "zoho", "access") })).toBe(access);
    expect(cipher.decryptToken(String(z.refresh_token_enc), { context: cipher.tokenContext("acme", "zoho", "refresh") })).toBe(refresh);
    expect(Number(z.token_expires_at)).toBeGreaterThan(Date.now() + 3000_000);
    expect(await kinds("zoho")).toEqual(["integration_enabled"]);
    expect(await disposition("zoho")).toBe("crm_to_app");

    const audit = await db.select().from(auditLog).where(eq(auditLog.entity, "integration:zoho"));
    expect(audit.map((a) => a.action).sort()).toEqual(["integration.connected", "integration.oauth_authorized"]);
    const everything = JSON.stringify([
      audit,
      await db.select({ props: notifications.props }).from(notifications),
      await db.select().from(oauthStates),
    ]);
    expect(everything).not.toContain(access);
    expect(everything).not.toContain(refresh);
  });

  it("reconnects HubSpot after needs_reauth: alert closed, jobs cancelled, disposition back to CRM → app, restored email", async () => {
    const id = Number((await row("hubspot")).id);
    const opened = new Date(Date.now() - 3600_000);
    const deadline = new Date(Date.now() + 3 * 86400_000);
    await db
      .update(integrations)
      .set({
        status: "needs_reauth",
        statusReason: "token_revoked",
        reauthAlertOpenedAt: opened,
        reauthDeadlineAt: deadline,
        settings: { communication: { dispositionDirection: "bidirectional" } },
      })
      .where(eq(integrations.id, id));
    await db.insert(scheduledJobs).values([
      {
        companyId: "acme",
        kind: "reauth_reminder",
        integrationId: id,
        dueAt: new Date(Date.now() + 86400_000),
        status: "pending",
        createdAt: opened,
      },
      { companyId: "acme", kind: "reauth_deadline", integrationId: id, dueAt: deadline, status: "pending", createdAt: opened },
    ]);
    fake.omitHubId = true; // the account then comes from the token metadata endpoint
    const { params } = await authorizeAt("hubspot", "demo-acme-hubspot");

    expect(await complete("hubspot", params)).toEqual({ ok: true, result: "restored" });
    expect(await row("hubspot")).toMatchObject({
      status: "connected",
      reauth_alert_opened_at: null,
      reauth_deadline_at: null,
      external_account_id: "demo-acme-hubspot",
    });
    expect(await disposition("hubspot")).toBe("crm_to_app");
    expect(await kinds("hubspot")).toEqual(["auth_restored"]);
    const jobs = await db
      .select({ status: scheduledJobs.status })
      .from(scheduledJobs)
      .where(eq(scheduledJobs.integrationId, id))
      .orderBy(asc(scheduledJobs.id));
    expect(jobs.map((j) => j.status)).toEqual(["cancelled", "cancelled"]);
  });

  it("re-authorizes a connected Salesforce org (org id from the id URL) without a status email", async () => {
    const { params } = await authorizeAt("salesforce", "demo-acme-salesforce");
    expect(await complete("salesforce", params)).toEqual({ ok: true, result: "reauthorized" });
    expect(await row("salesforce")).toMatchObject({ status: "connected", external_account_id: "demo-acme-salesforce" });
    expect((await row("salesforce")).access_token_enc).toMatch(/^v1\./);
    expect(await kinds("salesforce")).toEqual([]);
  });

  it("refuses a reconnect that returns another CRM account, changing nothing", async () => {
    await db
      .update(integrations)
      .set({ status: "needs_reauth", reauthAlertOpenedAt: new Date() })
      .where(and(eq(integrations.companyId, "acme"), eq(integrations.provider, "hubspot")));
    const before = await row("hubspot");
    const { params } = await authorizeAt("hubspot", "4242");
    expect(await complete("hubspot", params)).toEqual({ ok: false, code: "account_mismatch" });
    expect(await row("hubspot")).toEqual(before);
    expect(await kinds("hubspot")).toEqual([]);
  });
});

describe("token endpoint failures map to clear codes and change nothing", () => {
  const cases: [string, Provider, Parameters<FakeOAuthServer["failNextToken"]>[0] | null, string, string?][] = [
    [
      "HTTP 400 invalid_grant",
      "salesforce",
      {
        kind: "status",
        status: 400,
        body: JSON.stringify({ error: "invalid_grant", error_description: "expired authorization code" }),
      },
      "code_rejected",
      "invalid_grant",
    ],
    [
      "HubSpot's 400 BAD_AUTH_CODE",
      "hubspot",
      { kind: "status", status: 400, body: JSON.stringify({ status: "BAD_AUTH_CODE", message: "missing or unknown auth code" }) },
      "code_rejected",
      "BAD_AUTH_CODE",
    ],
    [
      "HTTP 500",
      "hubspot",
      { kind: "status", status: 500, body: "<html>Internal error</html>", contentType: "text/html" },
      "token_unavailable",
      "500",
    ],
    ["malformed JSON", "zoho", { kind: "status", status: 200, body: '{"access_token": ' }, "token_malformed"],
    ["Zoho's HTTP 200 {error: invalid_code}", "zoho", { kind: "zoho_200_error", error: "invalid_code" }, "code_rejected", "invalid_code"],
    [
      "a 200 without access_token",
      "hubspot",
      { kind: "status", status: 200, body: JSON.stringify({ token_type: "bearer" }) },
      "token_malformed",
    ],
    ["no refresh token", "hubspot", { kind: "no_refresh_token" }, "no_refresh_token"],
    [
      "invalid_client",
      "salesforce",
      { kind: "status", status: 401, body: JSON.stringify({ error: "invalid_client" }) },
      "client_rejected",
      "invalid_client",
    ],
  ];
  for (const [name, provider, failure, code, detail] of cases) {
    it(`${name} → ${code}`, async () => {
      const before = await row(provider);
      const { params } = await authorizeAt(provider, `demo-acme-${provider}`, provider === "zoho" ? { zohoDataCenter: "com" } : {});
      if (failure) fake.failNextToken(failure);
      expect(await complete(provider, params)).toEqual({ ok: false, code, ...(detail ? { detail } : {}) });
      expect(await row(provider)).toEqual(before);
      expect(await kinds(provider)).toEqual([]);
    });
  }

  it("a replayed code is rejected by the provider", async () => {
    const { params } = await authorizeAt("zoho", "zoho-org-1", { zohoDataCenter: "com" });
    expect((await complete("zoho", params)).ok).toBe(true);
    const again = await authorizeAt("zoho", "zoho-org-1", { zohoDataCenter: "com" });
    again.params.set("code", params.get("code")!);
    expect(await complete("zoho", again.params)).toEqual({ ok: false, code: "code_rejected", detail: "invalid_code" });
  });

  it("an unreachable token endpoint → token_unreachable", async () => {
    const { params } = await authorizeAt("hubspot", "demo-acme-hubspot");
    const down = { ...config, baseUrls: { ...config.baseUrls, hubspot: "http://127.0.0.1:9" } };
    expect(await flow.completeAuthorization({ session: admin, provider: "hubspot", params, config: down })).toEqual({
      ok: false,
      code: "token_unreachable",
    });
  });
});
