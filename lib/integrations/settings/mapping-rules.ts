import { type Provider, PROVIDER_NAMES } from "@/lib/integrations/providers";
import { API_NAME_RULES, appField, crmProperty, directionLabel, flows, incompatibility, sameApiName, type FieldType } from "./catalogue";
import { DISPOSITION_ONE_WAY_REFUSED, defaultMappingRows, rowKind, type MappingRow } from "./schema";

/*
 * The Contact Property Mapping rules (docs/product §3.1) beyond the row shape: locked
 * and default rows stay, a CRM property is mapped once, types are compatible
 * in every direction values flow, one source per Switchboard field, and
 * dispositions never sync Switchboard → CRM alone. Run in the browser on
 * every edit and on the server on Save.
 */

export type RowIssue = { path: (string | number)[]; message: string };

/** The CRM type a row really has: the catalogue's for standard properties, the admin's for custom ones. */
export function rowCrmType(provider: Provider, row: MappingRow): FieldType {
  if (row.customProperty) return row.crmType;
  return crmProperty(provider, row.crmProperty)?.type ?? row.crmType;
}

export function mappingIssues(provider: Provider, rows: MappingRow[]): RowIssue[] {
  const crm = PROVIDER_NAMES[provider];
  const issues: RowIssue[] = [];
  const at = (i: number, leaf: string, message: string) => issues.push({ path: ["rows", i, leaf], message });

  rows.forEach((row, i) => {
    const app = appField(row.appField);
    if (!app) return; // the schema already refused it
    const name = row.crmProperty.trim();
    const kind = rowKind(provider, row);

    if (row.customProperty) {
      const rule = API_NAME_RULES[provider];
      if (!rule.pattern.test(name)) return at(i, "crmProperty", `“${name}” isn't a valid ${crm} API name. ${rule.hint}`);
      if (crmProperty(provider, name)) return at(i, "crmProperty", `${name} is a standard ${crm} property: pick it from the list instead.`);
    } else if (!crmProperty(provider, name)) {
      return at(i, "crmProperty", `${crm} has no standard property “${name}”: add it as a custom property with its API name and type.`);
    }

    if (kind === "locked" && row.direction !== "bidirectional") {
      at(i, "direction", `The ${app.label} row is locked: it identifies contacts and always syncs both ways.`);
    }
    if (row.appField === "last_call_disposition" && row.direction === "app_to_crm") {
      at(i, "direction", DISPOSITION_ONE_WAY_REFUSED);
    }
    const problem = incompatibility(app, { apiName: name, type: rowCrmType(provider, row) }, row.direction, crm);
    if (problem) at(i, "crmProperty", problem);
  });

  // A CRM property takes its values from one Switchboard field only.
  const firstUse = new Map<string, number>();
  rows.forEach((row, i) => {
    const key = row.crmProperty.trim().toLowerCase();
    if (!key) return;
    const first = firstUse.get(key);
    if (first === undefined) return void firstUse.set(key, i);
    const label = appField(rows[first].appField)?.label ?? rows[first].appField;
    at(
      i,
      "crmProperty",
      `${row.crmProperty.trim()} is already mapped in row ${first + 1} (${label}). A ${crm} property can be mapped only once.`,
    );
  });

  // A Switchboard field receives values from one CRM property only.
  const firstSource = new Map<string, number>();
  rows.forEach((row, i) => {
    if (!flows(row.direction).in) return;
    const first = firstSource.get(row.appField);
    if (first === undefined) return void firstSource.set(row.appField, i);
    const label = appField(row.appField)?.label ?? row.appField;
    const source = `${rows[first].crmProperty} (row ${first + 1})`;
    at(
      i,
      "direction",
      row.appField === "last_call_disposition"
        ? `${label} already syncs with ${source}; dispositions sync with one ${crm} property.`
        : `${label} already receives values from ${source}. Choose “${directionLabel("app_to_crm", crm)}” for this row, or remove one of them.`,
    );
  });

  // Locked and default rows can't be removed.
  for (const required of defaultMappingRows(provider)) {
    const present = rows.some(
      (r) => r.appField === required.appField && rowKind(provider, r) !== "custom" && sameApiName(r.crmProperty, required.crmProperty),
    );
    if (present) continue;
    const label = appField(required.appField)!.label;
    issues.push({
      path: ["rows"],
      message:
        rowKind(provider, required) === "locked"
          ? `The ${label} row can't be removed or changed: Switchboard matches contacts by email and phone.`
          : `The ${label} → ${required.crmProperty} row can't be removed; change its direction instead.`,
    });
  }
  return issues;
}

/** Stored form of the rows: standard properties carry the catalogue's spelling and type. */
export function normalizeRows(provider: Provider, rows: MappingRow[]): MappingRow[] {
  return rows.map((row) => {
    const known = row.customProperty ? undefined : crmProperty(provider, row.crmProperty);
    return known ? { ...row, crmProperty: known.apiName, crmType: known.type } : { ...row, crmProperty: row.crmProperty.trim() };
  });
}
