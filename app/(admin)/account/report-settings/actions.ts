"use server";

import { revalidatePath } from "next/cache";
import { authorize, ForbiddenError } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { parseReportSettingsForm } from "@/lib/report-settings/schema";
import { parseVersion, VERSION_FIELD } from "@/lib/concurrency/settings-version";
import { saveReportSettings } from "@/db/queries/report-settings";
import { formValuesFromSnapshot } from "./form-values";
import type { SaveState } from "./save-state";

/*
 * Saves the whole Report settings form (SPEC R8). The role is checked here,
 * not only in the page, and the company comes from the session alone: the
 * form never names a company, and posted user ids are checked against it.
 * The form's version makes a save made from stale settings fail instead of
 * silently undoing someone else's (docs/security/lost-updates.md).
 */
export async function saveReportSettingsAction(_prev: SaveState, formData: FormData): Promise<SaveState> {
  let viewer;
  try {
    viewer = await authorize("report-settings:change");
  } catch (e) {
    if (e instanceof ForbiddenError) return { error: e.message };
    throw e;
  }

  const version = parseVersion(formData.get(VERSION_FIELD));
  if (!version.ok) return { error: version.error };

  const parsed = parseReportSettingsForm(formData, env.NOTIFICATIONS_BCC);
  if (!parsed.success) {
    return { error: "Nothing was saved. Fix the highlighted fields and save again.", fieldErrors: parsed.fieldErrors };
  }

  const result = saveReportSettings({
    companyId: viewer.companyId,
    actor: { userId: viewer.userId, label: `${viewer.name} <${viewer.email}>` },
    input: parsed.data,
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
    return { error: "Nothing was saved. Fix the highlighted fields and save again.", fieldErrors: result.fieldErrors };
  }

  revalidatePath("/account/report-settings");
  return {
    ok: true,
    message: result.changed ? "Report settings saved." : "Report settings saved — nothing had changed.",
    savedAt: Date.now(),
    version: result.version,
  };
}
