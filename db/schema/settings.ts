import { sqliteTable, text, integer, primaryKey } from "drizzle-orm/sqlite-core";
import { companies, users } from "./tenancy";
import { REPORT_SETTINGS_DEFAULTS } from "../../lib/report-settings/defaults";

// ── Report settings (docs/product §2) ──────────────────────────────────────────────

export const REPORT_ROLES = ["billing_admin", "company_admin", "company_supervisor"] as const;
export type ReportRole = (typeof REPORT_ROLES)[number];
export const SYNC_REPORT_MODES = ["always", "failures_only", "off"] as const;
export type SyncReportMode = (typeof SYNC_REPORT_MODES)[number];

// the column defaults are the ones a company without saved settings reads (lib/report-settings/defaults.ts)
export const reportSettings = sqliteTable("report_settings", {
  companyId: text("company_id")
    .primaryKey()
    .references(() => companies.id),
  roles: text("roles", { mode: "json" })
    .$type<ReportRole[]>()
    .notNull()
    .default([...REPORT_SETTINGS_DEFAULTS.roles]),
  // null = use the deployment default NOTIFICATIONS_BCC
  escalationBcc: text("escalation_bcc"),
  syncReportMode: text("sync_report_mode", { enum: SYNC_REPORT_MODES }).notNull().default(REPORT_SETTINGS_DEFAULTS.syncReportMode),
  mappingDigestMinutes: integer("mapping_digest_minutes").notNull().default(REPORT_SETTINGS_DEFAULTS.mappingDigestMinutes),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
  updatedBy: text("updated_by"),
});

export const reportRecipients = sqliteTable(
  "report_recipients",
  {
    companyId: text("company_id")
      .notNull()
      .references(() => companies.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.userId] })],
);

export type ReportSettingsRow = typeof reportSettings.$inferSelect;
