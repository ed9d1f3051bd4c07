import { type Provider, PROVIDER_NAMES } from "@/lib/integrations/providers";
import { describeConflict, type ConflictChange, type SettingsConflict } from "@/lib/concurrency/settings-version";
import { appField, directionLabel, type MappingDirection } from "./catalogue";
import {
  OPERATOR_LABELS,
  operatorNeedsValue,
  TAB_LABELS,
  withDisposition,
  type FilterCondition,
  type IntegrationSettings,
  type MappingRow,
  type WizardTab,
  type ZohoView,
} from "./schema";
import { diffSettings, flattenSettings, sameValue } from "./diff";
import { fieldLabel } from "./labels";

/*
 * A stale Save of the settings wizard (docs/security/lost-updates.md). The
 * version of an integration's settings is the last audit row that wrote them:
 * a wizard Save, or a (re)connect, which puts the disposition direction back
 * to CRM → Switchboard (R13). Status changes don't touch the settings, so they
 * never make a wizard's Save stale.
 */

export const SETTINGS_CHANGED_ACTION = "integration.settings_changed";
// lib/integrations/oauth/connect.ts writes the second one
export const SETTINGS_WRITE_ACTIONS = [SETTINGS_CHANGED_ACTION, "integration.oauth_authorized"] as const;

export const settingsAuditEntity = (provider: Provider) => `integration:${provider}`;

type AuditFacts = { id: number; actorId: string | null; actorLabel: string; createdAt: Date; action: string; before: unknown };

/** The "tab.field" values an audit row says the settings had before it. */
function valuesBefore(row: AuditFacts): Record<string, unknown> {
  const before = row.before && typeof row.before === "object" ? (row.before as Record<string, unknown>) : {};
  if (row.action === "integration.oauth_authorized") {
    return "dispositionDirection" in before ? { "communication.dispositionDirection": before.dispositionDirection } : {};
  }
  return before;
}

/**
 * The settings the form was loaded with, as flat "tab.field" values: the ones
 * saved now, with every field a later save changed set back to what it was
 * before the first of those saves.
 */
export function loadedSettings(current: IntegrationSettings, sinceOldestFirst: AuditFacts[]): Record<string, unknown> {
  const loaded = flattenSettings(current);
  for (const row of [...sinceOldestFirst].reverse()) Object.assign(loaded, valuesBefore(row));
  return loaded;
}

const SYNC_DIRECTION = (crm: string): Record<string, string> => ({ inbound: `From ${crm} only`, bidirectional: "Both ways" });
const OBJECTS: Record<string, string> = { contacts: "Contacts", leads: "Leads", both: "Contacts and leads" };
const PRIORITY: Record<string, string> = { contact: "Prefer the contact", lead: "Prefer the lead" };

/** A field's value as the wizard words it. */
export function describeSettingValue(path: string, value: unknown, crm: string): string {
  if (typeof value === "boolean") return value ? "On" : "Off";
  const list = Array.isArray(value) ? value : [];
  switch (path) {
    case "sync.contactCreation":
    case "sync.contactUpdate":
      return SYNC_DIRECTION(crm)[String(value)] ?? String(value);
    case "sync.objects":
      return OBJECTS[String(value)] ?? String(value);
    case "sync.priority":
      return PRIORITY[String(value)] ?? String(value);
    case "communication.dispositionDirection":
      return value === "crm_to_app" ? `${crm} → Switchboard` : value === "bidirectional" ? "Both ways" : String(value);
    case "sync.zohoViews":
      return list.length ? (list as ZohoView[]).map((v) => `${v.name} (${v.id})`).join(", ") : "None";
    case "filters.conditions":
      return list.length
        ? (list as FilterCondition[])
            .map(
              (c) => `${c.property} ${OPERATOR_LABELS[c.operator] ?? c.operator}${operatorNeedsValue(c.operator) ? ` “${c.value}”` : ""}`,
            )
            .join("; ")
        : "None";
    case "mapping.rows":
      return (list as MappingRow[])
        .map(
          (r) =>
            `${appField(r.appField)?.label ?? r.appField} → ${r.crmProperty} (${directionLabel(r.direction as MappingDirection, crm)})`,
        )
        .join("; ");
  }
  return value === null || value === undefined ? "Not set" : String(value);
}

/** "Communication › Log SMS". */
export function settingLabel(path: string): string {
  const [tab, ...rest] = path.split(".");
  const label = TAB_LABELS[tab as WizardTab];
  return label ? `${label} › ${fieldLabel(tab as WizardTab, rest)}` : path;
}

/** What differs between the loaded settings and those saved now, field by field. */
export function settingsChanges(loaded: Record<string, unknown>, current: IntegrationSettings, provider: Provider): ConflictChange[] {
  const crm = PROVIDER_NAMES[provider];
  const diff = diffSettings(loaded, flattenSettings(current));
  return diff.paths.map((path) => ({
    field: path,
    label: settingLabel(path),
    loaded: describeSettingValue(path, diff.before[path], crm),
    saved: describeSettingValue(path, diff.after[path], crm),
  }));
}

export function integrationSettingsConflict({
  since,
  current,
  provider,
  viewerUserId,
  timeZone,
}: {
  /** The settings' audit rows newer than the form's version: oldest first, the newest, how many. */
  since: { rows: AuditFacts[]; latest: AuditFacts; count: number };
  current: IntegrationSettings;
  provider: Provider;
  viewerUserId: string;
  timeZone: string;
}): SettingsConflict {
  return describeConflict({
    facts: { latest: since.latest, saves: since.count },
    changes: settingsChanges(loadedSettings(current, since.rows), current, provider),
    viewerUserId,
    timeZone,
  });
}

/**
 * The user's edits (fields that differ from what they loaded) put on the
 * settings saved now: every field they didn't touch takes the saved value.
 * Lists (filters, views, mapping rows) are one field each, as in the audit.
 */
export function keepEditsOn(
  provider: Provider,
  fresh: IntegrationSettings,
  draft: IntegrationSettings,
  loaded: IntegrationSettings,
): IntegrationSettings {
  const out = structuredClone(fresh) as unknown as Record<WizardTab, Record<string, unknown>>;
  for (const tab of Object.keys(TAB_LABELS) as WizardTab[]) {
    const mine = draft[tab] as Record<string, unknown>;
    const base = loaded[tab] as Record<string, unknown>;
    for (const key of Object.keys(mine)) {
      if (!sameValue(mine[key], base[key])) out[tab][key] = structuredClone(mine[key]);
    }
  }
  const merged = out as unknown as IntegrationSettings;
  // the disposition row follows the Communication tab's direction, whichever side that came from
  return withDisposition(provider, merged);
}
