import { sqliteTable, text, integer, uniqueIndex } from "drizzle-orm/sqlite-core";
import { PROVIDERS } from "../../lib/integrations/providers";
import { DISABLED_BY, REAUTH_REASONS, STATUS_REASONS } from "../../lib/integrations/reasons";
import { companies, createdAt, INTEGRATION_STATUSES } from "./tenancy";

// ── Integrations (docs/product §3) ─────────────────────────────────────────────────

export const integrations = sqliteTable(
  "integrations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: text("company_id")
      .notNull()
      .references(() => companies.id),
    provider: text("provider", { enum: PROVIDERS }).notNull(),
    status: text("status", { enum: INTEGRATION_STATUSES }).notNull().default("disconnected"),
    // why it is disabled / needs re-auth (event reason or "admin")
    statusReason: text("status_reason", { enum: STATUS_REASONS }),
    // who disabled it: "admin" (Enable allowed) or "auth" (Reconnect needed)
    disabledBy: text("disabled_by", { enum: DISABLED_BY }),
    statusChangedAt: integer("status_changed_at", { mode: "timestamp_ms" }),
    // open re-auth alert (docs/product R22); kept while an admin or a user has it disabled (R11)
    reauthReason: text("reauth_reason", { enum: REAUTH_REASONS }),
    reauthAlertOpenedAt: integer("reauth_alert_opened_at", {
      mode: "timestamp_ms",
    }),
    reauthDeadlineAt: integer("reauth_deadline_at", { mode: "timestamp_ms" }),
    // per-tab wizard settings, validated by lib/integrations/settings/schema.ts
    settings: text("settings", { mode: "json" }).$type<unknown>(),
    // CRM account (portal / org / domain id) from the OAuth token response
    externalAccountId: text("external_account_id"),
    zohoDataCenter: text("zoho_data_center"),
    // AES-256-GCM ciphertexts (lib/crypto), never rendered
    accessTokenEnc: text("access_token_enc"),
    refreshTokenEnc: text("refresh_token_enc"),
    tokenExpiresAt: integer("token_expires_at", { mode: "timestamp_ms" }),
    lastEventAt: integer("last_event_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("integrations_company_provider").on(t.companyId, t.provider)],
);

export type Integration = typeof integrations.$inferSelect;
export type NewIntegration = typeof integrations.$inferInsert;
