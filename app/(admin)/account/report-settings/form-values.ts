import type { ReportRole, Role, SyncReportMode } from "@/db/schema";
import { normalizeBccOverride } from "@/lib/report-settings/fields";
import type { ReportSettingsSnapshot } from "@/lib/report-settings/changes";

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
  // a report email to this address bounced recently (docs/product R26): when, and as shown
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

/** The form's values for settings as saved (an emptied BCC shows the default in force). */
export function formValuesFromSnapshot(s: ReportSettingsSnapshot, defaultBcc: string): FormValues {
  return {
    roles: s.roles,
    additionalUserIds: s.additionalRecipients.map((p) => p.id),
    escalationBcc: s.escalationBcc ?? defaultBcc,
    syncReportMode: s.syncReportMode,
    mappingDigestMinutes: String(s.mappingDigestMinutes),
    timeZone: s.timeZone,
  };
}

/** Which field of the form each field of a snapshot (and so of a conflict's changes) is. */
export const FORM_FIELD_OF: Record<keyof ReportSettingsSnapshot, keyof FormValues> = {
  roles: "roles",
  additionalRecipients: "additionalUserIds",
  escalationBcc: "escalationBcc",
  syncReportMode: "syncReportMode",
  mappingDigestMinutes: "mappingDigestMinutes",
  timeZone: "timeZone",
};

/**
 * The user's edits (fields that differ from what they loaded) put on top of
 * the settings saved now: every field they didn't touch takes the saved value.
 */
export function keepEditsOn(fresh: FormValues, edited: FormValues, loaded: FormValues, defaultBcc: string): FormValues {
  const out = { ...fresh };
  for (const field of Object.values(FORM_FIELD_OF)) {
    if (fieldChanged(field, edited, loaded, defaultBcc)) (out as Record<string, unknown>)[field] = edited[field];
  }
  return out;
}

/** True when one field differs between two sets of values, compared as a save would. */
export function fieldChanged(field: keyof FormValues, a: FormValues, b: FormValues, defaultBcc: string): boolean {
  const value = (v: FormValues) => {
    switch (field) {
      case "roles":
      case "additionalUserIds":
        return [...v[field]].sort().join();
      case "escalationBcc":
        return normalizeBccOverride(v.escalationBcc, defaultBcc) ?? "";
      case "mappingDigestMinutes":
        return v.mappingDigestMinutes.trim();
      default:
        return v[field];
    }
  };
  return value(a) !== value(b);
}

/* The cards of the form, as the save bar and the leave guard name them. */
const SECTION_OF: Record<keyof FormValues, string> = {
  roles: "Recipients",
  additionalUserIds: "Recipients",
  escalationBcc: "Escalation BCC",
  syncReportMode: "Notification types",
  mappingDigestMinutes: "Notification types",
  timeZone: "Company time zone",
};
const SECTION_ORDER = ["Recipients", "Escalation BCC", "Notification types", "Company time zone"];

/** The form's fields (as the conflict notice names them) whose values differ from the saved settings. */
export function editedFieldsOf(values: FormValues, saved: FormValues, defaultBcc: string): Set<keyof typeof FORM_FIELD_OF> {
  return new Set(
    (Object.keys(FORM_FIELD_OF) as (keyof typeof FORM_FIELD_OF)[]).filter((f) => fieldChanged(FORM_FIELD_OF[f], values, saved, defaultBcc)),
  );
}

/** The cards holding those fields, in page order. */
export function editedSections(editedFields: Set<keyof typeof FORM_FIELD_OF>): string[] {
  return SECTION_ORDER.filter((section) => [...editedFields].some((f) => SECTION_OF[FORM_FIELD_OF[f]] === section));
}
