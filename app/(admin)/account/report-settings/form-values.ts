import type { ReportRole, Role, SyncReportMode } from "@/db/schema";
import { normalizeBccOverride } from "@/lib/report-settings/fields";

/* The form's editable state, as strings where the user types. */
export type FormValues = {
  roles: ReportRole[];
  additionalUserIds: string[];
  escalationBcc: string;
  syncReportMode: SyncReportMode;
  mappingDigestMinutes: string;
  timeZone: string;
};

export type CompanyUser = {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  // a report email to this address bounced recently (SPEC R26): when, and as shown
  bounce?: { at: string; label: string; description: string };
};

function comparable(v: FormValues, defaultBcc: string) {
  return JSON.stringify([
    [...v.roles].sort(),
    [...v.additionalUserIds].sort(),
    normalizeBccOverride(v.escalationBcc, defaultBcc),
    v.syncReportMode,
    v.mappingDigestMinutes.trim(),
    v.timeZone,
  ]);
}

/** True when saving would change something (an emptied BCC equals the default). */
export function hasUnsavedChanges(current: FormValues, saved: FormValues, defaultBcc: string): boolean {
  return comparable(current, defaultBcc) !== comparable(saved, defaultBcc);
}
