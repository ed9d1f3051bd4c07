import type { CompanyFeatures } from "@/db/schema";
import { type Provider, PROVIDER_NAMES } from "@/lib/integrations/providers";
import { CRM_CATALOGUES, crmProperty, sameApiName, type CrmProperty } from "./catalogue";
import { mappingIssues, normalizeRows, rowCrmType } from "./mapping-rules";
import { fieldKey, fieldLabel } from "./labels";
import {
  communicationSchema,
  filtersSchema,
  listValues,
  mappingSchema,
  operatorNeedsValue,
  syncSchema,
  withDisposition,
  TAB_LABELS,
  WIZARD_TABS,
  type FilterCondition,
  type IntegrationSettings,
  type MappingRow,
  type SyncSettings,
  type WizardTab,
} from "./schema";

/*
 * validateSettings: the one check the wizard runs as the user edits and the
 * Save action runs again on the server. Every issue names its tab and field,
 * so the page can switch to that tab and show the message next to the field.
 */

export type SettingsIssue = {
  tab: WizardTab;
  path: (string | number)[];
  key: string; // "filters.conditions.0.value"
  field: string; // "Condition 1 › Value"
  message: string;
};

export type SettingsValidation = { ok: true; settings: IntegrationSettings } | { ok: false; issues: SettingsIssue[] };

type Issue = { tab: WizardTab; path: (string | number)[]; message: string };

/** Properties a filter may test: the CRM's standard ones and any custom ones the mapping adds. */
export function filterableProperties(provider: Provider, rows: MappingRow[]): CrmProperty[] {
  const custom = rows
    .filter((r) => r.customProperty && r.crmProperty.trim())
    .map((r) => ({ apiName: r.crmProperty.trim(), label: r.crmProperty.trim(), type: rowCrmType(provider, r), note: "Custom property" }));
  const all = [...CRM_CATALOGUES[provider], ...custom];
  return all.filter((p, i) => all.findIndex((q) => sameApiName(q.apiName, p.apiName)) === i);
}

function syncIssues(provider: Provider, sync: SyncSettings): Issue[] {
  const crm = PROVIDER_NAMES[provider];
  const out: Issue[] = [];
  if (provider !== "salesforce" && sync.objects !== "contacts") {
    out.push({ tab: "sync", path: ["objects"], message: `${crm} syncs contacts only.` });
  }
  if (provider !== "zoho" && sync.zohoViews.length > 0) {
    out.push({ tab: "sync", path: ["zohoViews"], message: `Only Zoho CRM has views to pull; ${crm} doesn't.` });
  }
  const seen = new Map<string, number>();
  sync.zohoViews.forEach((view, i) => {
    const first = seen.get(view.id);
    if (first === undefined) return void seen.set(view.id, i);
    out.push({ tab: "sync", path: ["zohoViews", i, "id"], message: `View id ${view.id} is already listed (view ${first + 1}).` });
  });
  return out;
}

function filterIssues(provider: Provider, conditions: FilterCondition[], rows: MappingRow[]): Issue[] {
  const crm = PROVIDER_NAMES[provider];
  const properties = filterableProperties(provider, rows);
  const out: Issue[] = [];
  conditions.forEach((c, i) => {
    const at = (leaf: string, message: string) => out.push({ tab: "filters", path: ["conditions", i, leaf], message });
    if (!properties.some((p) => sameApiName(p.apiName, c.property))) {
      at("property", `${c.property} isn't a ${crm} property: pick one from the list.`);
    }
    if (!operatorNeedsValue(c.operator)) return;
    if (c.value.trim() === "") at("value", "Enter a value, or choose “is empty” or “is not empty”.");
    else if (c.operator === "in_list" && listValues(c.value).length === 0) {
      at("value", "Enter one or more values separated by commas.");
    }
  });
  return out;
}

function normalizeCondition(provider: Provider, c: FilterCondition): FilterCondition {
  const property = crmProperty(provider, c.property)?.apiName ?? c.property.trim();
  if (!operatorNeedsValue(c.operator)) return { property, operator: c.operator, value: "" };
  const value = c.operator === "in_list" ? listValues(c.value).join(", ") : c.value.trim();
  return { property, operator: c.operator, value };
}

function toIssue(issue: Issue, rows?: MappingRow[]): SettingsIssue {
  return {
    ...issue,
    key: fieldKey(issue.tab, issue.path),
    field: fieldLabel(issue.tab, issue.path, rows),
  };
}

/**
 * `input` is whatever was posted. Without the filters feature the Filters tab
 * isn't offered, so posted filters are ignored and `current.filters` is kept.
 */
export function validateSettings({
  provider,
  features,
  input,
  current,
}: {
  provider: Provider;
  features: CompanyFeatures;
  input: unknown;
  current: IntegrationSettings;
}): SettingsValidation {
  const raw = (input && typeof input === "object" && !Array.isArray(input) ? input : {}) as Record<string, unknown>;
  // Each tab is checked on its own, so one Save reports every tab's problems at once.
  const parsed = {
    sync: syncSchema.safeParse(raw.sync),
    filters: features.filters ? filtersSchema.safeParse(raw.filters) : { success: true as const, data: current.filters },
    communication: communicationSchema.safeParse(raw.communication),
    mapping: mappingSchema.safeParse(raw.mapping),
  };
  const rawRows = (raw.mapping as { rows?: unknown } | undefined)?.rows;
  const labelRows = parsed.mapping.success ? parsed.mapping.data.rows : Array.isArray(rawRows) ? (rawRows as MappingRow[]) : undefined;

  const issues: Issue[] = [];
  for (const tab of WIZARD_TABS) {
    const result = parsed[tab];
    if (result.success) continue;
    for (const i of result.error.issues) {
      issues.push({
        tab,
        path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
        message: raw[tab] === undefined ? `The ${TAB_LABELS[tab]} settings are missing.` : i.message,
      });
    }
  }
  if (parsed.sync.success) issues.push(...syncIssues(provider, parsed.sync.data));
  if (features.filters && parsed.filters.success) {
    const rows = parsed.mapping.success ? parsed.mapping.data.rows : current.mapping.rows;
    issues.push(...filterIssues(provider, parsed.filters.data.conditions, rows));
  }
  if (parsed.mapping.success) {
    issues.push(...mappingIssues(provider, parsed.mapping.data.rows).map((i) => ({ tab: "mapping" as const, ...i })));
  }
  if (issues.length > 0 || !parsed.sync.success || !parsed.filters.success || !parsed.communication.success || !parsed.mapping.success) {
    return { ok: false, issues: firstPerField(issues.map((i) => toIssue(i, labelRows))) };
  }

  const s = {
    sync: parsed.sync.data,
    filters: parsed.filters.data,
    communication: parsed.communication.data,
    mapping: parsed.mapping.data,
  };
  const settings: IntegrationSettings = {
    sync: provider === "zoho" ? s.sync : { ...s.sync, zohoViews: [] },
    filters: { conditions: s.filters.conditions.map((c) => normalizeCondition(provider, c)) },
    communication: s.communication,
    mapping: { rows: normalizeRows(provider, s.mapping.rows) },
  };
  return { ok: true, settings: withDisposition(provider, settings) };
}

/** One message per field (the first), in tab order, so the page shows the most useful one. */
function firstPerField(issues: SettingsIssue[]): SettingsIssue[] {
  const order = Object.keys(TAB_LABELS);
  const seen = new Set<string>();
  return issues
    .filter((i) => (seen.has(i.key) ? false : (seen.add(i.key), true)))
    .sort((a, b) => order.indexOf(a.tab) - order.indexOf(b.tab));
}

/** "Filters › Condition 1 › Value: Enter a value…" */
export function describeIssue(issue: SettingsIssue): string {
  return `${TAB_LABELS[issue.tab]} › ${issue.field}: ${issue.message}`;
}
