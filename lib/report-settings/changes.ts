import { z } from "zod";
import { REPORT_ROLES, SYNC_REPORT_MODES } from "@/db/schema";
import { digestLabel, REPORT_ROLE_LABELS, REPORT_ROLE_ORDER, SYNC_MODE_LABELS } from "./fields";

/*
 * What an audit row of a Report settings change holds (before → after), and
 * how it reads in "Recent changes". Additional recipients carry name and email
 * so an entry stays readable after the person is renamed or removed.
 */

export const SETTINGS_AUDIT = { action: "report_settings.updated", entity: "report_settings" } as const;

const snapshotSchema = z.object({
  roles: z.array(z.enum(REPORT_ROLES)),
  additionalRecipients: z.array(z.object({ id: z.string(), name: z.string(), email: z.string() })),
  escalationBcc: z.string().nullable(),
  syncReportMode: z.enum(SYNC_REPORT_MODES),
  mappingDigestMinutes: z.number(),
  timeZone: z.string(),
});

export type ReportSettingsSnapshot = z.infer<typeof snapshotSchema>;

export type FieldChange = { field: keyof ReportSettingsSnapshot; label: string; before: string; after: string };

const FIELD_LABELS: Record<keyof ReportSettingsSnapshot, string> = {
  roles: "Roles",
  additionalRecipients: "Additional recipients",
  escalationBcc: "Escalation BCC",
  syncReportMode: "Data-sync reports",
  mappingDigestMinutes: "Mapping errors digest",
  timeZone: "Time zone",
};

function describe(field: keyof ReportSettingsSnapshot, s: ReportSettingsSnapshot, defaultBcc: string): string {
  switch (field) {
    case "roles":
      return s.roles.length
        ? REPORT_ROLE_ORDER.filter((r) => s.roles.includes(r))
            .map((r) => REPORT_ROLE_LABELS[r])
            .join(", ")
        : "None";
    case "additionalRecipients":
      return s.additionalRecipients.length ? s.additionalRecipients.map((p) => `${p.name} (${p.email})`).join(", ") : "None";
    case "escalationBcc":
      return s.escalationBcc ?? `Default (${defaultBcc})`;
    case "syncReportMode":
      return SYNC_MODE_LABELS[s.syncReportMode];
    case "mappingDigestMinutes":
      return digestLabel(s.mappingDigestMinutes);
    case "timeZone":
      return s.timeZone;
  }
}

function sameValue(field: keyof ReportSettingsSnapshot, a: ReportSettingsSnapshot, b: ReportSettingsSnapshot) {
  if (field === "roles") return [...a.roles].sort().join() === [...b.roles].sort().join();
  if (field === "additionalRecipients") {
    const ids = (s: ReportSettingsSnapshot) =>
      s.additionalRecipients
        .map((p) => p.id)
        .sort()
        .join();
    return ids(a) === ids(b);
  }
  return a[field] === b[field];
}

/** The fields that differ, each as a readable before → after pair. */
export function diffSnapshots(before: ReportSettingsSnapshot, after: ReportSettingsSnapshot, defaultBcc: string): FieldChange[] {
  return (Object.keys(FIELD_LABELS) as (keyof ReportSettingsSnapshot)[])
    .filter((field) => !sameValue(field, before, after))
    .map((field) => ({
      field,
      label: FIELD_LABELS[field],
      before: describe(field, before, defaultBcc),
      after: describe(field, after, defaultBcc),
    }));
}

/** A stored snapshot (an audit row's before or after); null when it predates this shape. */
export function parseSnapshot(value: unknown): ReportSettingsSnapshot | null {
  const parsed = snapshotSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Reads a stored audit row's before/after; null when the row predates this shape. */
export function changesFromAudit(before: unknown, after: unknown, defaultBcc: string): FieldChange[] | null {
  const b = snapshotSchema.safeParse(before);
  const a = snapshotSchema.safeParse(after);
  if (!b.success || !a.success) return null;
  return diffSnapshots(b.data, a.data, defaultBcc);
}
