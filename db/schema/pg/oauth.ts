import { pgTable, text, boolean, index } from "drizzle-orm/pg-core";
import { PROVIDERS } from "../../../lib/integrations/providers";
import { oauthStates as sqliteOAuthStates } from "../oauth";
import { at } from "./columns";
import { companies, users } from "./tenancy";

// OAuth connect / reconnect and the sandbox server's codes: documented in ../oauth.ts.

export const oauthStates = pgTable(
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
    mode: text("mode", { enum: sqliteOAuthStates.mode.enumValues }).notNull(),
    codeVerifier: text("code_verifier").notNull(),
    redirectUri: text("redirect_uri").notNull(),
    zohoDataCenter: text("zoho_data_center"),
    loginHost: text("login_host"),
    sandbox: boolean("sandbox").notNull().default(false),
    expiresAt: at("expires_at").notNull(),
    usedAt: at("used_at"),
    createdAt: at("created_at").notNull(),
  },
  (t) => [index("oauth_states_expires").on(t.expiresAt)],
);

export const oauthSandboxCodes = pgTable("oauth_sandbox_codes", {
  code: text("code").primaryKey(),
  companyId: text("company_id").notNull(),
  provider: text("provider", { enum: PROVIDERS }).notNull(),
  clientId: text("client_id").notNull(),
  redirectUri: text("redirect_uri").notNull(),
  codeChallenge: text("code_challenge").notNull(),
  accountId: text("account_id").notNull(),
  dataCenter: text("data_center"),
  expiresAt: at("expires_at").notNull(),
  usedAt: at("used_at"),
  createdAt: at("created_at").notNull(),
});
