import { appField } from "./catalogue";
import { TAB_LABELS, type WizardTab } from "./schema";

/*
 * Human names for the wizard's fields, so a validation error can say where it
 * is ("Filters › Condition 2 › Value") and the page can put it next to the
 * field whose DOM id is derived from the same path.
 */

const FIELD_LABELS: Record<string, string> = {
  "sync.contactCreation": "Contact creation",
  "sync.contactUpdate": "Contact updates",
  "sync.objects": "Records to sync",
  "sync.priority": "Lead or contact priority",
  "sync.syncUsersByEmail": "Sync users by email",
  "sync.neverOverwrite": "Never overwrite existing CRM values",
  "sync.zohoViews": "CRM views to pull",
  "filters.conditions": "Conditions",
  "communication.logCalls": "Log calls",
  "communication.logSms": "Log SMS",
  "communication.logVoicemails": "Log voicemails",
  "communication.logRecordingLinks": "Log recording links",
  "communication.missedCallTask": "Create a task for missed calls",
  "communication.dispositionDirection": "Disposition sync direction",
  "mapping.rows": "Mapped properties",
};

const LEAF_LABELS: Record<string, string> = {
  id: "View id",
  name: "Name",
  property: "Property",
  operator: "Operator",
  value: "Value",
  appField: "Switchboard field",
  crmProperty: "CRM property",
  crmType: "Property type",
  direction: "Direction",
};

/** "Condition 2 › Value", "Row 7 (Job title) › CRM property", "Contact creation". */
export function fieldLabel(tab: WizardTab, path: (string | number)[], rows?: { appField: string }[]): string {
  const key = [tab, ...path].join(".");
  if (FIELD_LABELS[key]) return FIELD_LABELS[key];
  const [list, index, leaf] = path;
  if (typeof index === "number") {
    const n = index + 1;
    const leafLabel = typeof leaf === "string" ? (LEAF_LABELS[leaf] ?? leaf) : undefined;
    let item: string;
    if (list === "zohoViews") item = `View ${n}`;
    else if (list === "conditions") item = `Condition ${n}`;
    else if (list === "rows") {
      const field = rows?.[index] ? appField(rows[index].appField)?.label : undefined;
      item = field ? `Row ${n} (${field})` : `Row ${n}`;
    } else item = `Item ${n}`;
    return leafLabel ? `${item} › ${leafLabel}` : item;
  }
  return FIELD_LABELS[[tab, list].join(".")] ?? String(list ?? TAB_LABELS[tab]);
}

/** The key of an error in `fieldErrors`, and (with "-" for ".") the DOM id of its control. */
export function fieldKey(tab: WizardTab, path: (string | number)[]): string {
  return [tab, ...path].join(".");
}

export function fieldDomId(key: string): string {
  return `field-${key.replace(/\./g, "-")}`;
}
