import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { PROVIDERS } from "../../lib/integrations/providers";
import { companies, users } from "./tenancy";

/*
 * OAuth 2.0 connect / reconnect (docs/product R34–R37). A pending authorization is
 * bound to the admin's session and expires after 10 minutes; it is consumed
 * once. The sandbox authorization server (R36) keeps its one-time codes here.
 */
export const oauthStates = sqliteTable(
  "oauth_states",
  {
    state: text("state").primaryKey(),
    companyId: text("company_id")
      .notNull()
      .references(() => companies.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    sessionId: text("session_id").notNull(),
    provider: text("provider", { enum: PROVIDERS }).notNull(),
    mode: text("mode", { enum: ["connect", "reconnect"] }).notNull(),
    codeVerifier: text("code_verifier").notNull(),
    redirectUri: text("redirect_uri").notNull(),
    // provider quirks chosen by the admin: Zoho data centre, Salesforce My Domain
    zohoDataCenter: text("zoho_data_center"),
    loginHost: text("login_host"),
    sandbox: integer("sandbox", { mode: "boolean" }).notNull().default(false),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("oauth_states_expires").on(t.expiresAt)],
);

export const oauthSandboxCodes = sqliteTable("oauth_sandbox_codes", {
  code: text("code").primaryKey(),
  companyId: text("company_id").notNull(),
  provider: text("provider", { enum: PROVIDERS }).notNull(),
  clientId: text("client_id").notNull(),
  redirectUri: text("redirect_uri").notNull(),
  codeChallenge: text("code_challenge").notNull(),
  accountId: text("account_id").notNull(),
  dataCenter: text("data_center"),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  usedAt: integer("used_at", { mode: "timestamp_ms" }),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
});

export type OAuthState = typeof oauthStates.$inferSelect;
export type OAuthSandboxCode = typeof oauthSandboxCodes.$inferSelect;
