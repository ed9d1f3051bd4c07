import type { ReportSettingsFieldErrors } from "@/lib/report-settings/fields";

/** What the save action answers; `savedAt` lets the form tell one success from the next. */
export type SaveState = {
  ok?: true;
  message?: string;
  savedAt?: number;
  error?: string;
  fieldErrors?: ReportSettingsFieldErrors;
};
