"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { PROVIDER_NAMES, PROVIDERS } from "@/lib/integrations/providers";
import { getIntegration, saveIntegrationSettings } from "@/db/queries/integrations";
import { authorizedAction, type ActionFailure } from "@/lib/auth/action";
import { parseVersion, VERSION_FIELD, type SettingsConflict } from "@/lib/concurrency/settings-version";
import { readFormData } from "@/lib/forms/form-data";
import { settingsSchema, type IntegrationSettings } from "./schema";
import { describeIssue, validateSettings, type SettingsIssue } from "./validation";

export type SaveSettingsResult =
  | {
      ok: true;
      message: string;
      settings: IntegrationSettings;
      /** The settings' version after the save: the next Save carries it. */
      version: string;
    }
  | (ActionFailure & {
      /** Every problem, each naming its tab and field: the wizard shows each next to its field. */
      issues?: SettingsIssue[];
      /** A stale Save was refused: who saved since, what differs, and the settings saved now. */
      conflict?: SettingsConflict & { fresh: IntegrationSettings };
    });

const form = z.object({
  provider: z.enum(PROVIDERS, { error: "Choose HubSpot, Salesforce or Zoho CRM." }),
});

/**
 * Save (R16): every tab at once, posted as one field per setting
 * (lib/forms/form-data.ts), validated with the wizard's own rules, in one
 * transaction with its audit row. Only a company admin may save, and only
 * their own company's integration: no company id is read from the request.
 * The wizard's version makes a Save from stale settings fail instead of
 * silently undoing someone else's (docs/security/lost-updates.md).
 */
export const saveSettings = authorizedAction(
  "integrations:change",
  form,
  async ({ provider }, { viewer, formData }): Promise<SaveSettingsResult> => {
    const version = parseVersion(formData.get(VERSION_FIELD));
    if (!version.ok) return { error: version.error };
    const crm = PROVIDER_NAMES[provider];
    const integration = await getIntegration({ companyId: viewer.companyId, provider });
    if (!integration) return { error: `${crm} isn't available for ${viewer.company.name}.` };

    const input = readFormData(settingsSchema, formData);
    const result = validateSettings({ provider, features: viewer.company.features, input, current: integration.settings });
    if (!result.ok) return { error: `Nothing was saved. ${describeIssue(result.issues[0])}`, issues: result.issues };

    const saved = await saveIntegrationSettings({
      companyId: viewer.companyId,
      provider,
      settings: result.settings,
      version: version.version,
      actor: { userId: viewer.userId, label: `${viewer.name} <${viewer.email}>` },
    });
    if (!saved.found) return { error: `${crm} isn't available for ${viewer.company.name}.` };
    if ("conflict" in saved) return { error: saved.conflict.message, conflict: { ...saved.conflict, fresh: saved.current } };
    if ("error" in saved) return { error: saved.error };
    const { changed } = saved;
    // Drops cached copies of the wizard (e.g. for the browser's Back button) that still hold the old settings.
    if (changed.length > 0) revalidatePath(`/integrations/${provider}/settings`, "layout");
    return {
      ok: true,
      settings: result.settings,
      version: saved.version,
      message: changed.length === 0 ? `No changes: the ${crm} settings were already saved.` : `${crm} settings saved.`,
    };
  },
  { forbidden: (message) => `${message} Nothing was saved.` },
);
