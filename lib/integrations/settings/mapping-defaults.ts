import type { Provider } from "@/lib/integrations/providers";
import { crmProperty, type AppFieldKey } from "./catalogue";
import type { MappingRow } from "./mapping-row";

/*
 * The Contact Property Mapping rows every integration starts with (docs/product §3.1):
 * locked email and phone rows that identify a contact, and default rows for
 * names, company and the last call disposition whose direction can change.
 */

/** The rows every mapping starts with. Locked rows identify a contact and never change. */
const DEFAULT_ROWS: Record<Provider, { appField: AppFieldKey; crmProperty: string }[]> = {
  hubspot: [
    { appField: "email", crmProperty: "email" },
    { appField: "phone", crmProperty: "phone" },
    { appField: "first_name", crmProperty: "firstname" },
    { appField: "last_name", crmProperty: "lastname" },
    { appField: "company", crmProperty: "company" },
    { appField: "last_call_disposition", crmProperty: "switchboard_last_call_disposition" },
  ],
  salesforce: [
    { appField: "email", crmProperty: "Email" },
    { appField: "phone", crmProperty: "Phone" },
    { appField: "first_name", crmProperty: "FirstName" },
    { appField: "last_name", crmProperty: "LastName" },
    { appField: "company", crmProperty: "Company" },
    { appField: "last_call_disposition", crmProperty: "Last_Call_Disposition__c" },
  ],
  zoho: [
    { appField: "email", crmProperty: "Email" },
    { appField: "phone", crmProperty: "Phone" },
    { appField: "first_name", crmProperty: "First_Name" },
    { appField: "last_name", crmProperty: "Last_Name" },
    { appField: "company", crmProperty: "Account_Name" },
    { appField: "last_call_disposition", crmProperty: "Last_Call_Disposition" },
  ],
};

const LOCKED_APP_FIELDS: readonly AppFieldKey[] = ["email", "phone"];

export type RowKind = "locked" | "default" | "custom";

/** A row is a locked or default row when it maps that row's app field to that row's CRM property. */
export function rowKind(provider: Provider, row: Pick<MappingRow, "appField" | "crmProperty" | "customProperty">): RowKind {
  const match = DEFAULT_ROWS[provider].find(
    (d) => d.appField === row.appField && d.crmProperty.toLowerCase() === row.crmProperty.trim().toLowerCase(),
  );
  if (!match || row.customProperty) return "custom";
  return LOCKED_APP_FIELDS.includes(match.appField) ? "locked" : "default";
}

/** The default rows as a new integration has them; the disposition row follows the Communication tab's default, CRM → Switchboard. */
export function defaultMappingRows(provider: Provider): MappingRow[] {
  return DEFAULT_ROWS[provider].map(({ appField, crmProperty: apiName }) => ({
    appField,
    crmProperty: apiName,
    crmType: crmProperty(provider, apiName)!.type,
    customProperty: false,
    direction: appField === "last_call_disposition" ? "crm_to_app" : "bidirectional",
  }));
}
