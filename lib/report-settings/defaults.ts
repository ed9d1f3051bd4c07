import type { ReportRole, SyncReportMode } from "../../db/schema/settings";

/*
 * Report settings of a company that has never saved them (docs/product R4, R6, R7):
 * company admins receive reports, the deployment's escalation BCC applies,
 * data-sync reports are always sent, mapping errors gather for 15 minutes.
 * The table's column defaults, the reads of a company without a row and the
 * form's "(default)" hints all take them from here. A relative import: the
 * schema imports this module, and drizzle-kit reads the schema without the
 * app's path aliases.
 */
export const REPORT_SETTINGS_DEFAULTS: {
  readonly roles: readonly ReportRole[];
  /** null: the deployment default NOTIFICATIONS_BCC */
  readonly escalationBcc: null;
  readonly syncReportMode: SyncReportMode;
  readonly mappingDigestMinutes: number;
} = {
  roles: ["company_admin"],
  escalationBcc: null,
  syncReportMode: "always",
  mappingDigestMinutes: 15,
};
