"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { PROVIDER_NAMES, PROVIDERS } from "@/lib/integrations/providers";
import { getIntegration, saveIntegrationSettings } from "@/db/queries/integrations";
import { authorize, ForbiddenError } from "@/lib/auth/session";
import { parseVersion, VERSION_FIELD, type SettingsConflict } from "@/lib/concurrency/settings-version";
import type { IntegrationSettings } from "@/lib/integrations/settings/schema";
import { describeIssue, validateSettings, type SettingsIssue } from "@/lib/integrations/settings/validation";

export type SaveSettingsResult = {
  ok?: boolean;
  message?: string;
  error?: string;
  issues?: SettingsIssue[];
  fieldErrors?: Record<string, string>;
  settings?: IntegrationSettings;
  /** The settings' version after the save: the next Save carries it. */
  version?: string;
  /** A stale Save was refused: who saved since, what differs, and the settings saved now. */
  conflict?: SettingsConflict & { fresh: IntegrationSettings };
};

const form = z.object({
  provider: z.enum(PROVIDERS, { error: "Choose HubSpot, Salesforce or Zoho CRM." }),
  settings: z.string({ error: "The settings are missing." }).max(200_000, "The settings are too large to save."),
});

/**
 * Save (R16): every tab at once, validated with the wizard's own rules, in one
 * transaction with its audit row. Only a company admin may save, and only
 * their own company's integration: no company id is read from the request.
 * The wizard's version makes a Save from stale settings fail instead of
 * silently undoing someone else's (docs/security/lost-updates.md).
 */
export async function saveSettings(formData: FormData): Promise<SaveSettingsResult> {
  let viewer;
  try {
    viewer = await authorize("integrations:change");
  } catch (e) {
    if (e instanceof ForbiddenError) return { error: `${e.message} Nothing was saved.` };
    throw e;
  }
  const parsed = form.safeParse({ provider: formData.get("provider"), settings: formData.get("settings") ?? undefined });
  if (!parsed.success) return { error: parsed.error.issues[0].message };
  const { provider } = parsed.data;
  const version = parseVersion(formData.get(VERSION_FIELD));
  if (!version.ok) return { error: version.error };

  let input: unknown;
  try {
    input = JSON.parse(parsed.data.settings);
  } catch {
    return { error: "The settings could not be read. Reload the page and try again." };
  }
  const integration = getIntegration({ companyId: viewer.companyId, provider });
  if (!integration) return { error: `${PROVIDER_NAMES[provider]} isn't available for ${viewer.company.name}.` };

  const result = validateSettings({ provider, features: viewer.company.features, input, current: integration.settings });
  if (!result.ok) {
    return {
      error: `Nothing was saved. ${describeIssue(result.issues[0])}`,
      issues: result.issues,
      fieldErrors: Object.fromEntries(result.issues.map((i) => [i.key, i.message])),
    };
  }
  const saved = saveIntegrationSettings({
    companyId: viewer.companyId,
    provider,
    settings: result.settings,
    version: version.version,
    actor: { userId: viewer.userId, label: `${viewer.name} <${viewer.email}>` },
  });
  if (!saved.found) return { error: `${PROVIDER_NAMES[provider]} isn't available for ${viewer.company.name}.` };
  if ("conflict" in saved) return { error: saved.conflict.message, conflict: { ...saved.conflict, fresh: saved.current } };
  if ("error" in saved) return { error: saved.error };
  const { changed } = saved;
  // Drops cached copies of the wizard (e.g. for the browser's Back button) that still hold the old settings.
  if (changed.length > 0) revalidatePath(`/integrations/${provider}/settings`, "layout");
  const crm = PROVIDER_NAMES[provider];
  return {
    ok: true,
    settings: result.settings,
    version: saved.version,
    message: changed.length === 0 ? `No changes: the ${crm} settings were already saved.` : `${crm} settings saved.`,
  };
}
