"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/auth/action";
import { env } from "@/lib/env";
import { reportSettingsFormSchema, toReportSettingsInput } from "@/lib/report-settings/schema";
import { saveReportSettings } from "@/lib/report-settings/save";
import { parseVersion, VERSION_FIELD } from "@/lib/concurrency/settings-version";
import { formValuesFromSnapshot } from "./form-values";
import type { SaveState } from "./save-state";

const INVALID = "Nothing was saved. Fix the highlighted fields and save again.";

/*
 * Saves the whole Report settings form (docs/product R8). The company comes from the
 * session alone: the form never names a company, and posted user ids are
 * checked against it. The form's version makes a save made from stale
 * settings fail instead of silently undoing someone else's
 * (docs/security/lost-updates.md).
 */
export const saveReportSettingsAction = authorizedAction(
  "report-settings:change",
  reportSettingsFormSchema,
  async (form, { viewer, formData }): Promise<SaveState> => {
    const version = parseVersion(formData.get(VERSION_FIELD));
    if (!version.ok) return { error: version.error };

    const result = await saveReportSettings({
      companyId: viewer.companyId,
      actor: { userId: viewer.userId, label: `${viewer.name} <${viewer.email}>` },
      input: toReportSettingsInput(form, env.NOTIFICATIONS_BCC),
      version: version.version,
      defaultBcc: env.NOTIFICATIONS_BCC,
    });
    if (!result.ok) {
      if ("conflict" in result) {
        return {
          error: result.conflict.message,
          conflict: { ...result.conflict, fresh: formValuesFromSnapshot(result.current, env.NOTIFICATIONS_BCC) },
        };
      }
      if ("error" in result) return { error: result.error };
      return { error: INVALID, fieldErrors: result.fieldErrors };
    }

    revalidatePath("/account/report-settings");
    return {
      ok: true,
      message: result.changed ? "Report settings saved." : "Report settings saved — nothing had changed.",
      savedAt: Date.now(),
      version: result.version,
    };
  },
  { invalid: { summary: INVALID } },
);
