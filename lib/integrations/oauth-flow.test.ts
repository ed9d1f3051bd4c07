import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startFakeOAuthServer, type FakeOAuthServer } from "@/e2e/fixtures/fake-oauth-server";
import type { Provider } from "@/db/schema";
import type { OAuthConfig } from "./oauth-providers";

/*
 * The real OAuth path of lib/integrations/oauth-flow.ts with credentials
 * configured and every provider's base URL pointed at a local fake server:
 * start → (consent, simulated by the fake issuing a code for the PKCE
 * challenge) → callback → token exchange → one transaction. Runs on its own
 * SQLite file with the demo seed.
 */

const dir = mkdtempSync(join(tmpdir(), "switchboard-oauth-"));
process.env.DATABASE_URL = join(dir, "oauth.db");
process.env.APP_SECRET = "oauth-flow-test-secret-0123456789-0123456789";
process.env.APP_URL = "https://switchboard.test";

let fake: FakeOAuthServer;
let config: OAuthConfig;
let flow: typeof import("./oauth-flow");
let cipher: typeof import("@/lib/crypto/token-cipher");
let sql: import("better-sqlite3").Database;
let reset: () => Promise<void>;

type Session = import("./oauth-flow").OAuthSession;
async function sessionFor(userId: string, sessionId: string): Promise<Session> {
  const user = sql.prepare("select * from user where id = ?").get(userId) as Record<string, string>;
  const company = sql.prepare("select * from companies where id = ?").get(user.company_id) as Record<string, string>;
  return {
    sessionId,
    viewer: {
      userId,
      name: user.name,
      email: user.email,
      role: user.role as never,
      companyId: user.company_id,
      company: { id: company.id, name: company.name, timeZone: company.time_zone } as never,
    },
  };
}

let admin: Session;
const row = (provider: Provider, companyId = "acme") =>
  sql.prepare("select * from integrations where company_id = ? and provider = ?").get(companyId, provider) as Record<
    string,
    unknown
  >;
const kinds = (provider: Provider) =>
  (
    sql
      .prepare("select kind from notifications where company_id = 'acme' and provider = ? order by created_at")
      .all(provider) as { kind: string }[]
  ).map((r) => r.kind);
const disposition = (provider: Provider) => {
  const settings = row(provider).settings as string | null;
  return settings ? JSON.parse(settings).communication.dispositionDirection : null;
};

/** Start as the admin, let the fake "consent" for `accountId`, return the callback parameters. */
async function authorizeAt(
  provider: Provider,
  accountId: string,
  input: import("./oauth-flow").StartInput = {},
  session = admin,
) {
  const started = await flow.startAuthorization({ session, provider, input, config });
  if (!started.ok) throw new Error(started.error);
  const url = new URL(started.url);
  const state = url.searchParams.get("state")!;
  const code = fake.issueCode({
    challenge: url.searchParams.get("code_challenge")!,
    redirectUri: url.searchParams.get("redirect_uri")!,
    accountId,
  });
  return { url, state, params: new URLSearchParams({ code, state }) };
}
const complete = (provider: Provider, params: URLSearchParams, session: Session | null = admin, now?: Date) =>
  flow.completeAuthorization({ session, provider, params, config, now });

beforeAll(async () => {
  const { openDatabase } = await import("@/db/connection");
  const { migrateDatabase } = await import("@/db/setup");
  const migrated = openDatabase(process.env.DATABASE_URL!);
  migrateDatabase(migrated);
  sql = migrated.$client;
  fake = await startFakeOAuthServer();
  const creds = { clientId: fake.clientId, clientSecret: fake.clientSecret };
  config = {
    appUrl: "https://switchboard.test",
    appSecret: process.env.APP_SECRET!,
    sandboxAllowed: false,
    credentials: { hubspot: creds, salesforce: creds, zoho: creds },
    baseUrls: { hubspot: fake.url, salesforce: fake.url, zoho: fake.url },
  };
  flow = await import("./oauth-flow");
  cipher = await import("@/lib/crypto/token-cipher");
  reset = (await import("@/db/queries/system/reset")).resetAllData;
  vi.spyOn(console, "warn").mockImplementation(() => {});
  vi.spyOn(console, "info").mockImplementation(() => {});
});

beforeEach(async () => {
  await reset();
  fake.omitHubId = false;
  admin = await sessionFor("usr_acme_admin", "sess_admin");
});

afterAll(async () => {
  await fake?.close();
  sql?.close();
  rmSync(dir, { recursive: true, force: true });
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

    const z = row("zoho");
    expect(z).toMatchObject({ status: "connected", external_account_id: "zoho-org-777", zoho_data_center: "eu" });
    const [access, refresh] = fake.issuedTokens.slice(-2);
    for (const column of ["access_token_enc", "refresh_token_enc"]) {
      expect(String(z[column])).toMatch(/^v1\./);
      expect(String(z[column])).not.toContain(access);
      expect(String(z[column])).not.toContain(refresh);
    }
    expect(cipher.decryptToken(String(z.access_token_enc), { context: cipher.tokenContext("acme", "zoho", "access") })).toBe(
      access,
    );
    expect(cipher.decryptToken(String(z.refresh_token_enc), { context: cipher.tokenContext("acme", "zoho", "refresh") })).toBe(
      refresh,
    );
    expect(Number(z.token_expires_at)).toBeGreaterThan(Date.now() + 3000_000);
    expect(kinds("zoho")).toEqual(["integration_enabled"]);
    expect(disposition("zoho")).toBe("crm_to_app");

    const audit = sql.prepare("select * from audit_log where entity = 'integration:zoho'").all() as Record<string, string>[];
    expect(audit.map((a) => a.action).sort()).toEqual(["integration.connected", "integration.oauth_authorized"]);
    const everything = JSON.stringify([
      audit,
      sql.prepare("select props from notifications").all(),
      sql.prepare("select * from oauth_states").all(),
    ]);
    expect(everything).not.toContain(access);
    expect(everything).not.toContain(refresh);
  });

  it("reconnects HubSpot after needs_reauth: alert closed, jobs cancelled, disposition back to CRM → app, restored email", async () => {
    const h = row("hubspot");
    const opened = Date.now() - 3600_000;
    sql
      .prepare(
        "update integrations set status = 'needs_reauth', status_reason = 'token_revoked', reauth_alert_opened_at = ?, reauth_deadline_at = ?, settings = ? where id = ?",
      )
      .run(
        opened,
        Date.now() + 3 * 86400_000,
        JSON.stringify({ communication: { dispositionDirection: "bidirectional" } }),
        h.id,
      );
    sql
      .prepare(
        "insert into scheduled_jobs (company_id, kind, integration_id, due_at, status, created_at) values ('acme', 'reauth_reminder', ?, ?, 'pending', ?), ('acme', 'reauth_deadline', ?, ?, 'pending', ?)",
      )
      .run(h.id, Date.now() + 86400_000, opened, h.id, Date.now() + 3 * 86400_000, opened);
    fake.omitHubId = true; // the account then comes from the token metadata endpoint
    const { params } = await authorizeAt("hubspot", "demo-acme-hubspot");

    expect(await complete("hubspot", params)).toEqual({ ok: true, result: "restored" });
    expect(row("hubspot")).toMatchObject({
      status: "connected",
      reauth_alert_opened_at: null,
      reauth_deadline_at: null,
      external_account_id: "demo-acme-hubspot",
    });
    expect(disposition("hubspot")).toBe("crm_to_app");
    expect(kinds("hubspot")).toEqual(["auth_restored"]);
    const jobs = sql.prepare("select status from scheduled_jobs where integration_id = ?").all(h.id) as { status: string }[];
    expect(jobs.map((j) => j.status)).toEqual(["cancelled", "cancelled"]);
  });

  it("re-authorizes a connected Salesforce org (org id from the id URL) without a status email", async () => {
    const { params } = await authorizeAt("salesforce", "demo-acme-salesforce");
    expect(await complete("salesforce", params)).toEqual({ ok: true, result: "reauthorized" });
    expect(row("salesforce")).toMatchObject({ status: "connected", external_account_id: "demo-acme-salesforce" });
    expect(row("salesforce").access_token_enc).toMatch(/^v1\./);
    expect(kinds("salesforce")).toEqual([]);
  });

  it("refuses a reconnect that returns another CRM account, changing nothing", async () => {
    sql
      .prepare(
        "update integrations set status = 'needs_reauth', reauth_alert_opened_at = ? where company_id = 'acme' and provider = 'hubspot'",
      )
      .run(Date.now());
    const before = row("hubspot");
    const { params } = await authorizeAt("hubspot", "4242");
    expect(await complete("hubspot", params)).toEqual({ ok: false, code: "account_mismatch" });
    expect(row("hubspot")).toEqual(before);
    expect(kinds("hubspot")).toEqual([]);
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
    [
      "Zoho's HTTP 200 {error: invalid_code}",
      "zoho",
      { kind: "zoho_200_error", error: "invalid_code" },
      "code_rejected",
      "invalid_code",
    ],
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
      const before = row(provider);
      const { params } = await authorizeAt(
        provider,
        `demo-acme-${provider}`,
        provider === "zoho" ? { zohoDataCenter: "com" } : {},
      );
      if (failure) fake.failNextToken(failure);
      expect(await complete(provider, params)).toEqual({ ok: false, code, ...(detail ? { detail } : {}) });
      expect(row(provider)).toEqual(before);
      expect(kinds(provider)).toEqual([]);
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

describe("the state is bound to the admin's session, company and CRM", () => {
  it("is consumed once", async () => {
    const { params } = await authorizeAt("salesforce", "demo-acme-salesforce");
    expect((await complete("salesforce", params)).ok).toBe(true);
    expect(await complete("salesforce", params)).toEqual({ ok: false, code: "state_used" });
  });

  it("expires after 10 minutes", async () => {
    const { params } = await authorizeAt("salesforce", "demo-acme-salesforce");
    expect(await complete("salesforce", params, admin, new Date(Date.now() + 10 * 60_000 + 1))).toEqual({
      ok: false,
      code: "state_expired",
    });
  });

  it("refuses another session's, another company's or another CRM's state, without consuming it", async () => {
    const { params } = await authorizeAt("salesforce", "demo-acme-salesforce");
    expect(await complete("salesforce", params, { ...admin, sessionId: "sess_other" })).toEqual({
      ok: false,
      code: "state_mismatch",
    });
    expect(await complete("salesforce", params, await sessionFor("usr_globex_admin", "sess_globex"))).toEqual({
      ok: false,
      code: "state_mismatch",
    });
    expect(await complete("hubspot", params)).toEqual({ ok: false, code: "state_mismatch" });
    expect(await complete("salesforce", params, null)).toEqual({ ok: false, code: "signed_out" });
    expect(await complete("salesforce", new URLSearchParams({ code: "x" }))).toEqual({ ok: false, code: "state_missing" });
    expect((await complete("salesforce", params)).ok).toBe(true);
  });

  it("reports the user's denial and consumes the state", async () => {
    const { state } = await authorizeAt("zoho", "zoho-org-1", { zohoDataCenter: "eu" });
    const denied = new URLSearchParams({ error: "access_denied", state });
    expect(await complete("zoho", denied)).toEqual({ ok: false, code: "access_denied" });
    expect(await complete("zoho", denied)).toEqual({ ok: false, code: "state_used" });
    expect(row("zoho").status).toBe("disconnected");
  });

  it("notices a Zoho account from another data centre", async () => {
    const { params } = await authorizeAt("zoho", "zoho-org-1", { zohoDataCenter: "eu" });
    params.set("location", "us");
    expect(await complete("zoho", params)).toEqual({ ok: false, code: "zoho_wrong_dc", detail: "us" });
  });

  it("lets only company admins start, and validates the admin's choices", async () => {
    for (const userId of ["usr_acme_supervisor", "usr_acme_billing"]) {
      const started = await flow.startAuthorization({
        session: await sessionFor(userId, `sess_${userId}`),
        provider: "hubspot",
        input: {},
        config,
      });
      expect(started).toEqual({ ok: false, error: "Only company admins can connect, disable or change integrations." });
    }
    expect(await flow.startAuthorization({ session: admin, provider: "zoho", input: {}, config })).toMatchObject({
      ok: false,
      fieldErrors: { zohoDataCenter: expect.stringMatching(/data centre/) },
    });
    expect(
      await flow.startAuthorization({ session: admin, provider: "salesforce", input: { loginHost: "evil.example.com" }, config }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { loginHost: expect.stringMatching(/Salesforce host/) },
    });
    const stored = sql.prepare("select code_verifier from oauth_states").all() as { code_verifier: string }[];
    expect(stored).toEqual([]);
  });
});
