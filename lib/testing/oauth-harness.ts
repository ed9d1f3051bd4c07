import { prepareTestDatabase, removeTestDatabase } from "./test-database";
import { useTestDatabaseUrl } from "./test-database-url";
import { and, asc, eq, getTableColumns, type Table } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, vi } from "vitest";
import type { DB } from "@/db/connection";
import { companies, integrations, notifications, users } from "@/db/schema";
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
export let admin: Session;
let db: DB;
let reset: () => Promise<void>;

export type Session = import("../integrations/oauth/flow").OAuthSession;

export function useOAuthHarness(): void {
  // before anything reads the environment: the flow modules are imported in beforeAll
  useTestDatabaseUrl("oauth");
  process.env.APP_SECRET = "oauth-flow-test-secret-0123456789-0123456789";
  process.env.APP_URL = "https://switchboard.test";

  beforeAll(async () => {
    db = (await import("@/db/client")).db;
    await prepareTestDatabase(db);
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
    if (db) await removeTestDatabase(db);
  });
}

export async function sessionFor(userId: string, sessionId: string): Promise<Session> {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw new Error(`no user ${userId}`);
  const [company] = await db.select().from(companies).where(eq(companies.id, user.companyId)).limit(1);
  return {
    sessionId,
    viewer: {
      userId,
      name: user.name,
      email: user.email,
      role: user.role,
      companyId: user.companyId,
      company: { id: company.id, name: company.name, timeZone: company.timeZone } as never,
    },
  };
}

/*
 * Rows keyed by their column names (`access_token_enc`), as the tests name
 * what they check: the stored columns, whatever the schema's property names.
 */
function byColumnName<T extends Table>(table: T, row: T["$inferSelect"]): Record<string, unknown> {
  const columns = getTableColumns(table);
  return Object.fromEntries(Object.entries(columns).map(([key, column]) => [column.name, (row as Record<string, unknown>)[key]]));
}

export async function row(provider: Provider, companyId = "acme"): Promise<Record<string, unknown>> {
  const [found] = await db
    .select()
    .from(integrations)
    .where(and(eq(integrations.companyId, companyId), eq(integrations.provider, provider)))
    .limit(1);
  if (!found) throw new Error(`no ${provider} integration for ${companyId}`);
  return byColumnName(integrations, found);
}

export async function kinds(provider: Provider): Promise<string[]> {
  const rows = await db
    .select({ kind: notifications.kind })
    .from(notifications)
    .where(and(eq(notifications.companyId, "acme"), eq(notifications.provider, provider)))
    .orderBy(asc(notifications.createdAt));
  return rows.map((r) => r.kind);
}

export async function disposition(provider: Provider): Promise<unknown> {
  const settings = (await row(provider)).settings as { communication?: { dispositionDirection?: unknown } } | null;
  return settings ? settings.communication?.dispositionDirection : null;
}

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
