import { pgTable, text, integer, jsonb, primaryKey } from "drizzle-orm/pg-core";
import { REPORT_SETTINGS_DEFAULTS } from "../../../lib/report-settings/defaults";
import { SYNC_REPORT_MODES, type ReportRole } from "../settings";
import { at } from "./columns";
import { companies, users } from "./tenancy";

// ── Report settings (docs/product §2) ──────────────────────────────────────────────

export const reportSettings = pgTable("report_settings", {
  companyId: text("company_id")
    .primaryKey()
    .references(() => companies.id),
  roles: jsonb("roles")
    .$type<ReportRole[]>()
    .notNull()
    .default([...REPORT_SETTINGS_DEFAULTS.roles]),
  escalationBcc: text("escalation_bcc"),
  syncReportMode: text("sync_report_mode", { enum: SYNC_REPORT_MODES }).notNull().default(REPORT_SETTINGS_DEFAULTS.syncReportMode),
  mappingDigestMinutes: integer("mapping_digest_minutes").notNull().default(REPORT_SETTINGS_DEFAULTS.mappingDigestMinutes),
  updatedAt: at("updated_at"),
  updatedBy: text("updated_by"),
});

export const reportRecipients = pgTable(
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
