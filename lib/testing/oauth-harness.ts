import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, vi } from "vitest";
import { startFakeOAuthServer, type FakeOAuthServer } from "@/lib/testing/fake-oauth-server";
import type { Provider } from "@/lib/integrations/providers";
import type { OAuthConfig } from "../integrations/oauth/providers";

/*
 * The harness of the OAuth flow tests (oauth-flow.test.ts, oauth-state.test.ts):
 * the real path of lib/integrations/oauth/flow.ts with credentials
 * configured and every provider's base URL pointed at a local fake server:
 * start → (consent, simulated by the fake issuing a code for the PKCE
 * challenge) → callback → token exchange → one transaction. Each test file
 * calls `useOAuthHarness()` first and gets its own SQLite file with the demo
 * seed, reset before every test. The bindings below are live: set in beforeAll.
 */

export let fake: FakeOAuthServer;
export let config: OAuthConfig;
export let flow: typeof import("../integrations/oauth/flow");
export let cipher: typeof import("@/lib/crypto/token-cipher");
export let sql: import("better-sqlite3").Database;
export let admin: Session;
let reset: () => Promise<void>;

export type Session = import("../integrations/oauth/flow").OAuthSession;

export function useOAuthHarness(): void {
  // before anything reads the environment: the flow modules are imported in beforeAll
  const dir = mkdtempSync(join(tmpdir(), "switchboard-oauth-"));
  process.env.DATABASE_URL = join(dir, "oauth.db");
  process.env.APP_SECRET = "oauth-flow-test-secret-0123456789-0123456789";
  process.env.APP_URL = "https://switchboard.test";

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
    flow = await import("../integrations/oauth/flow");
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
}

export async function sessionFor(userId: string, sessionId: string): Promise<Session> {
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

export const row = (provider: Provider, companyId = "acme") =>
  sql.prepare("select * from integrations where company_id = ? and provider = ?").get(companyId, provider) as Record<string, unknown>;
export const kinds = (provider: Provider) =>
  (
    sql.prepare("select kind from notifications where company_id = 'acme' and provider = ? order by created_at").all(provider) as {
      kind: string;
    }[]
  ).map((r) => r.kind);
export const disposition = (provider: Provider) => {
  const settings = row(provider).settings as string | null;
  return settings ? JSON.parse(settings).communication.dispositionDirection : null;
};

/** Start as the admin, let the fake "consent" for `accountId`, return the callback parameters. */
export async function authorizeAt(
  provider: Provider,
  accountId: string,
  input: import("../integrations/oauth/flow").StartInput = {},
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
export const complete = (provider: Provider, params: URLSearchParams, session: Session | null = admin, now?: Date) =>
  flow.completeAuthorization({ session, provider, params, config, now });
