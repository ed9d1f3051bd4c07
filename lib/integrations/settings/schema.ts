import { z } from "zod";
import type { CompanyFeatures } from "@/db/schema";
import type { Provider } from "@/lib/integrations/providers";
import { defaultMappingRows, rowKind } from "./mapping-defaults";
import { mappingRow } from "./mapping-row";

/*
 * The integration settings wizard's data (docs/product §3.1): one zod schema per tab,
 * the defaults ("system-recommended values") per provider, and how a stored
 * JSON value is read back. Pure, so the wizard validates as the user types and
 * the Save action validates again with the very same rules
 * (lib/integrations/settings/validation.ts adds the cross-field ones).
 */

export const WIZARD_TABS = ["sync", "filters", "communication", "mapping"] as const;
export type WizardTab = (typeof WIZARD_TABS)[number];

export const TAB_LABELS: Record<WizardTab, string> = {
  sync: "Sync",
  filters: "Filters",
  communication: "Communication",
  mapping: "Contact Property Mapping",
};

/** Tabs with a Reset button (R15); the mapping tab has its own row controls instead. */
export const RESETTABLE_TABS: readonly WizardTab[] = ["sync", "filters", "communication"];

export function isWizardTab(value: string): value is WizardTab {
  return (WIZARD_TABS as readonly string[]).includes(value);
}

/** The tabs a company sees, in order: Filters only with the filters feature. */
export function wizardTabs(features: CompanyFeatures): WizardTab[] {
  return WIZARD_TABS.filter((t) => t !== "filters" || features.filters);
}

// ── Sync ──────────────────────────────────────────────────────────────────

export const SYNC_DIRECTIONS = ["inbound", "bidirectional"] as const;
export const SYNC_OBJECTS = ["contacts", "leads", "both"] as const;
export const OBJECT_PRIORITIES = ["contact", "lead"] as const;
export const MAX_ZOHO_VIEWS = 20;

const zohoView = z.object({
  id: z
    .string()
    .trim()
    .min(1, "Enter the view id.")
    .regex(/^\d{1,25}$/, "A Zoho view id is a number: the cvid=… value in the view's URL."),
  name: z.string().trim().min(1, "Enter the view's name.").max(100, "Keep the name under 100 characters."),
});

export const syncSchema = z.object({
  contactCreation: z.enum(SYNC_DIRECTIONS, { error: "Choose where new contacts are created." }),
  contactUpdate: z.enum(SYNC_DIRECTIONS, { error: "Choose which way contact updates sync." }),
  objects: z.enum(SYNC_OBJECTS, { error: "Choose which records to sync." }),
  priority: z.enum(OBJECT_PRIORITIES, { error: "Choose which record wins." }),
  syncUsersByEmail: z.boolean({ error: "Choose whether users are matched by email." }),
  neverOverwrite: z.boolean({ error: "Choose whether existing CRM values may be overwritten." }),
  zohoViews: z.array(zohoView).max(MAX_ZOHO_VIEWS, `Pull at most ${MAX_ZOHO_VIEWS} views.`),
});
export type SyncSettings = z.infer<typeof syncSchema>;
export type ZohoView = SyncSettings["zohoViews"][number];

// ── Filters ───────────────────────────────────────────────────────────────

export const FILTER_OPERATORS = ["equals", "not_equals", "contains", "is_empty", "is_not_empty", "in_list"] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];
export const OPERATOR_LABELS: Record<FilterOperator, string> = {
  equals: "equals",
  not_equals: "does not equal",
  contains: "contains",
  is_empty: "is empty",
  is_not_empty: "is not empty",
  in_list: "is in list",
};
export const MAX_FILTERS = 25;

export function operatorNeedsValue(op: FilterOperator): boolean {
  return op !== "is_empty" && op !== "is_not_empty";
}

/** "a, b ,, c" → ["a", "b", "c"]: a list is comma-separated, blanks ignored. */
export function listValues(value: string): string[] {
  return value
    .split(",")
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

const filterCondition = z.object({
  property: z.string().trim().min(1, "Choose a property."),
  operator: z.enum(FILTER_OPERATORS, { error: "Choose an operator." }),
  value: z.string().max(1000, "Keep the value under 1,000 characters."),
});

export const filtersSchema = z.object({
  conditions: z.array(filterCondition).max(MAX_FILTERS, `Use at most ${MAX_FILTERS} conditions.`),
});
export type FilterCondition = z.infer<typeof filterCondition>;
export type FiltersSettings = z.infer<typeof filtersSchema>;

// ── Communication ─────────────────────────────────────────────────────────

export const DISPOSITION_DIRECTIONS = ["crm_to_app", "bidirectional"] as const;
export type DispositionDirection = (typeof DISPOSITION_DIRECTIONS)[number];

export const DISPOSITION_ONE_WAY_REFUSED =
  "Dispositions can't sync from Switchboard to the CRM alone: choose CRM → Switchboard or Both ways.";

export const communicationSchema = z.object({
  logCalls: z.boolean(),
  logSms: z.boolean(),
  logVoicemails: z.boolean(),
  logRecordingLinks: z.boolean(),
  missedCallTask: z.boolean(),
  dispositionDirection: z.enum(DISPOSITION_DIRECTIONS, {
    error: (issue) => (issue.input === "app_to_crm" ? DISPOSITION_ONE_WAY_REFUSED : "Choose which way call dispositions sync."),
  }),
});
export type CommunicationSettings = z.infer<typeof communicationSchema>;

// ── Contact Property Mapping ──────────────────────────────────────────────

export const MAX_MAPPING_ROWS = 50;

export const mappingSchema = z.object({
  rows: z.array(mappingRow).max(MAX_MAPPING_ROWS, `Map at most ${MAX_MAPPING_ROWS} properties.`),
});
export type { MappingRow } from "./mapping-row";
export type MappingSettings = z.infer<typeof mappingSchema>;

export { defaultMappingRows, rowKind } from "./mapping-defaults";

// ── All tabs ──────────────────────────────────────────────────────────────

export const settingsSchema = z.object({
  sync: syncSchema,
  filters: filtersSchema,
  communication: communicationSchema,
  mapping: mappingSchema,
});
export type IntegrationSettings = z.infer<typeof settingsSchema>;
export type TabSettings = { [T in WizardTab]: IntegrationSettings[T] };

const TAB_SCHEMAS = {
  sync: syncSchema,
  filters: filtersSchema,
  communication: communicationSchema,
  mapping: mappingSchema,
} as const;

export function defaultTab<T extends WizardTab>(provider: Provider, tab: T): TabSettings[T] {
  const all: TabSettings = {
    sync: {
      contactCreation: "inbound",
      contactUpdate: "bidirectional",
      objects: "contacts",
      priority: "contact",
      syncUsersByEmail: true,
      neverOverwrite: true,
      zohoViews: [],
    },
    filters: { conditions: [] },
    communication: {
      logCalls: true,
      logSms: true,
      logVoicemails: true,
      logRecordingLinks: true,
      missedCallTask: false,
      dispositionDirection: "crm_to_app",
    },
    mapping: { rows: defaultMappingRows(provider) },
  };
  return all[tab];
}

export function defaultSettings(provider: Provider): IntegrationSettings {
  return {
    sync: defaultTab(provider, "sync"),
    filters: defaultTab(provider, "filters"),
    communication: defaultTab(provider, "communication"),
    mapping: defaultTab(provider, "mapping"),
  };
}

/**
 * The settings as stored (JSON, possibly null or from an older shape), read
 * back tab by tab: a tab that no longer parses falls back to its defaults
 * rather than breaking the page; missing locked/default mapping rows return.
 */
export function resolveSettings(provider: Provider, stored: unknown): IntegrationSettings {
  const raw = (stored && typeof stored === "object" ? stored : {}) as Record<string, unknown>;
  const out = defaultSettings(provider);
  for (const tab of WIZARD_TABS) {
    const value = raw[tab];
    if (!value || typeof value !== "object") continue;
    const parsed = TAB_SCHEMAS[tab].safeParse({ ...defaultTab(provider, tab), ...value });
    if (parsed.success) (out as Record<WizardTab, unknown>)[tab] = parsed.data;
  }
  return withDisposition(provider, withRequiredRows(provider, out));
}

/** Locked and default rows first, in their usual order; whatever else was mapped after them. */
export function withRequiredRows(provider: Provider, settings: IntegrationSettings): IntegrationSettings {
  const required = defaultMappingRows(provider).map(
    (d) => settings.mapping.rows.find((r) => rowKind(provider, r) !== "custom" && r.appField === d.appField) ?? d,
  );
  const custom = settings.mapping.rows.filter((r) => rowKind(provider, r) === "custom");
  return { ...settings, mapping: { rows: [...required, ...custom] } };
}

/**
 * The default disposition row and the Communication tab's disposition
 * direction are one setting shown in two places; the Communication tab's
 * value is the one kept.
 */
export function withDisposition(provider: Provider, settings: IntegrationSettings): IntegrationSettings {
  const direction = settings.communication.dispositionDirection;
  const rows = settings.mapping.rows.map((r) =>
    rowKind(provider, r) === "default" && r.appField === "last_call_disposition" ? { ...r, direction } : r,
  );
  return { ...settings, mapping: { rows } };
}

/** R13: after a reconnect the CRM is the source of truth for dispositions again. */
export function withDispositionFromCrm(provider: Provider, stored: unknown): IntegrationSettings {
  const settings = resolveSettings(provider, stored);
  return withDisposition(provider, {
    ...settings,
    communication: { ...settings.communication, dispositionDirection: "crm_to_app" },
  });
}
