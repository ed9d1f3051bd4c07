import { z } from "zod";
import { REPORT_ROLES, SYNC_REPORT_MODES, type ReportRole, type SyncReportMode } from "@/db/schema";
import { readFormData } from "@/lib/forms/form-data";
import { isValidTimeZone } from "./time-zones";
import {
  FIELD,
  MAX_DIGEST_MINUTES,
  normalizeBccOverride,
  REPORT_ROLE_ORDER,
  type ReportSettingsField,
  type ReportSettingsFieldErrors,
} from "./fields";

/*
 * The Report settings form as the server accepts it (docs/product R4–R8, R38).
 * The server action's validation is the authoritative one; field names come
 * from ./fields so the browser form and this parser agree.
 */

const MAX_ADDITIONAL_RECIPIENTS = 500;

const required = (message: string) => ({
  error: (issue: { input: unknown }) => (issue.input === undefined ? message : undefined),
});

/** The form's fields as posted; `toReportSettingsInput` turns them into what is saved. */
export const reportSettingsFormSchema = z.object({
  roles: z
    .array(z.enum(REPORT_ROLES, { error: "Choose roles from the list." }))
    .transform((roles) => REPORT_ROLE_ORDER.filter((r) => roles.includes(r))),
  additionalUserIds: z
    .array(z.string().trim().min(1, "Pick people from the list."))
    .max(MAX_ADDITIONAL_RECIPIENTS, `List at most ${MAX_ADDITIONAL_RECIPIENTS} additional recipients.`)
    .transform((ids) => [...new Set(ids)]),
  escalationBcc: z
    .string(required("Enter an escalation address, or leave the field empty to use the default."))
    .trim()
    .max(254, "That address is too long.")
    .pipe(z.union([z.literal(""), z.email("Enter a valid email address (like ops@example.com), or clear the field to use the default.")])),
  syncReportMode: z.enum(SYNC_REPORT_MODES, { error: "Choose when data-sync reports are sent." }),
  mappingDigestMinutes: z
    .string(required("Enter the digest window in minutes."))
    .trim()
    .regex(/^-?\d+$/, `Enter a whole number of minutes from 0 to ${MAX_DIGEST_MINUTES}.`)
    .pipe(
      z.coerce
        .number<string>()
        .int()
        .min(0, `The digest window can't be negative: enter 0 (send immediately) up to ${MAX_DIGEST_MINUTES}.`)
        .max(MAX_DIGEST_MINUTES, `The digest window is at most ${MAX_DIGEST_MINUTES} minutes (24 hours).`),
    ),
  timeZone: z.string(required("Choose the company time zone.")).trim().refine(isValidTimeZone, "Choose a time zone from the list."),
});

/** What the action hands to the database layer; `escalationBcc` null = the deployment default. */
export type ReportSettingsInput = {
  roles: ReportRole[];
  additionalUserIds: string[];
  escalationBcc: string | null;
  syncReportMode: SyncReportMode;
  mappingDigestMinutes: number;
  timeZone: string;
};

export type ParseResult = { success: true; data: ReportSettingsInput } | { success: false; fieldErrors: ReportSettingsFieldErrors };

/** The parsed form as the database layer saves it: the default address typed in, or none, means no override. */
export function toReportSettingsInput(data: z.output<typeof reportSettingsFormSchema>, defaultBcc: string): ReportSettingsInput {
  const { escalationBcc, ...rest } = data;
  return { ...rest, escalationBcc: normalizeBccOverride(escalationBcc, defaultBcc) };
}

/** Parses the posted form into what the database layer saves. */
export function parseReportSettingsForm(formData: FormData, defaultBcc: string): ParseResult {
  const parsed = reportSettingsFormSchema.safeParse(readFormData(reportSettingsFormSchema, formData));
  if (!parsed.success) {
    const fieldErrors: ReportSettingsFieldErrors = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as ReportSettingsField | undefined;
      if (key && key in FIELD && !fieldErrors[key]) fieldErrors[key] = issue.message;
    }
    return { success: false, fieldErrors };
  }
  return { success: true, data: toReportSettingsInput(parsed.data, defaultBcc) };
}
