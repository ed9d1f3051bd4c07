import type { ReportSettingsFieldErrors } from "@/lib/report-settings/fields";
import type { SettingsConflict } from "@/lib/concurrency/settings-version";
import type { FormValues } from "./form-values";

/**
 * What the save action answers; `savedAt` lets the form tell one success from
 * the next. `version` is the settings' version after a save; `conflict` says a
 * stale save was refused, with the values saved now (`fresh`).
 */
export type SaveState = {
  ok?: true;
  message?: string;
  savedAt?: number;
  version?: string;
  error?: string;
  fieldErrors?: ReportSettingsFieldErrors;
  conflict?: SettingsConflict & { fresh: FormValues };
};
