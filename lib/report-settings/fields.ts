import type { ReportRole, SyncReportMode } from "@/db/schema";

/*
 * Names and labels of the Report settings form, shared by the browser form
 * and the server's validation. Type-only imports keep this module free of
 * database code, so client components can use it.
 */

export const FIELD = {
  roles: "roles",
  additionalUserIds: "additionalUserIds",
  escalationBcc: "escalationBcc",
  syncReportMode: "syncReportMode",
  mappingDigestMinutes: "mappingDigestMinutes",
  timeZone: "timeZone",
} as const;

export type ReportSettingsField = keyof typeof FIELD;
export type ReportSettingsFieldErrors = Partial<Record<ReportSettingsField, string>>;

export const MAX_DIGEST_MINUTES = 1440;

export const REPORT_ROLE_LABELS: Record<ReportRole, string> = {
  company_admin: "Company admins",
  billing_admin: "Billing admins",
  company_supervisor: "Company supervisors",
};

export const REPORT_ROLE_ORDER = Object.keys(REPORT_ROLE_LABELS) as ReportRole[];

export const SYNC_MODE_LABELS: Record<SyncReportMode, string> = {
  always: "Always",
  failures_only: "Only with failures",
  off: "Off",
};

export const SYNC_MODE_ORDER = Object.keys(SYNC_MODE_LABELS) as SyncReportMode[];

export function digestLabel(minutes: number): string {
  if (minutes === 0) return "Immediately";
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

/** Typing the default address is the same as leaving the field empty: follow the default. */
export function normalizeBccOverride(value: string, defaultBcc: string): string | null {
  const trimmed = value.trim();
  if (!trimmed || trimmed.toLowerCase() === defaultBcc.toLowerCase()) return null;
  return trimmed;
}
