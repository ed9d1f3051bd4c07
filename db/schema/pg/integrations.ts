import { pgTable, text, integer, jsonb, uniqueIndex } from "drizzle-orm/pg-core";
import { PROVIDERS } from "../../../lib/integrations/providers";
import { DISABLED_BY, REAUTH_REASONS, STATUS_REASONS } from "../../../lib/integrations/reasons";
import { INTEGRATION_STATUSES } from "../tenancy";
import { at, createdAt } from "./columns";
import { companies } from "./tenancy";

// ── Integrations (docs/product §3) ─────────────────────────────────────────────────

export const integrations = pgTable(
  "integrations",
  {
    // one row per company and provider: a 32-bit id is plenty
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    companyId: text("company_id")
      .notNull()
      .references(() => companies.id),
    provider: text("provider", { enum: PROVIDERS }).notNull(),
    status: text("status", { enum: INTEGRATION_STATUSES }).notNull().default("disconnected"),
    statusReason: text("status_reason", { enum: STATUS_REASONS }),
    disabledBy: text("disabled_by", { enum: DISABLED_BY }),
    statusChangedAt: at("status_changed_at"),
    reauthReason: text("reauth_reason", { enum: REAUTH_REASONS }),
    reauthAlertOpenedAt: at("reauth_alert_opened_at"),
    reauthDeadlineAt: at("reauth_deadline_at"),
    settings: jsonb("settings").$type<unknown>(),
    externalAccountId: text("external_account_id"),
    zohoDataCenter: text("zoho_data_center"),
    accessTokenEnc: text("access_token_enc"),
    refreshTokenEnc: text("refresh_token_enc"),
    tokenExpiresAt: at("token_expires_at"),
    lastEventAt: at("last_event_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("integrations_company_provider").on(t.companyId, t.provider)],
);
