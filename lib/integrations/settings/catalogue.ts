import type { Provider } from "@/lib/integrations/providers";

/*
 * The typed field catalogues of the Contact Property Mapping tab (docs/product §3.1):
 * Switchboard's own contact fields, and each CRM's standard contact / lead
 * properties under their real API names. Pure data + the compatibility rule,
 * shared by the wizard (immediate feedback) and the server (validation on Save).
 */

export const FIELD_TYPES = ["text", "email", "phone", "picklist", "boolean", "datetime"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const FIELD_TYPE_LABELS: Record<FieldType, string> = {
  text: "Text",
  email: "Email",
  phone: "Phone",
  picklist: "Picklist",
  boolean: "Yes/no",
  datetime: "Date and time",
};

export const APP_FIELD_KEYS = [
  "email",
  "phone",
  "first_name",
  "last_name",
  "company",
  "job_title",
  "lead_status",
  "last_call_disposition",
  "do_not_call",
  "next_follow_up",
] as const;
export type AppFieldKey = (typeof APP_FIELD_KEYS)[number];

export type AppField = { key: AppFieldKey; label: string; type: FieldType };

export const APP_FIELDS: readonly AppField[] = [
  { key: "email", label: "Email", type: "email" },
  { key: "phone", label: "Phone", type: "phone" },
  { key: "first_name", label: "First name", type: "text" },
  { key: "last_name", label: "Last name", type: "text" },
  { key: "company", label: "Company", type: "text" },
  { key: "job_title", label: "Job title", type: "text" },
  { key: "lead_status", label: "Lead status", type: "picklist" },
  { key: "last_call_disposition", label: "Last call disposition", type: "picklist" },
  { key: "do_not_call", label: "Do not call", type: "boolean" },
  { key: "next_follow_up", label: "Next follow-up", type: "datetime" },
];

export function appField(key: string): AppField | undefined {
  return APP_FIELDS.find((f) => f.key === key);
}

export type CrmProperty = {
  apiName: string;
  label: string;
  type: FieldType;
  /** Where the property lives when that is not obvious (Salesforce leads vs contacts, packaged fields). */
  note?: string;
};

const HUBSPOT: CrmProperty[] = [
  { apiName: "email", label: "Email", type: "email" },
  { apiName: "work_email", label: "Work email", type: "email" },
  { apiName: "phone", label: "Phone number", type: "phone" },
  { apiName: "mobilephone", label: "Mobile phone number", type: "phone" },
  { apiName: "hs_whatsapp_phone_number", label: "WhatsApp phone number", type: "phone" },
  { apiName: "fax", label: "Fax number", type: "phone" },
  { apiName: "firstname", label: "First name", type: "text" },
  { apiName: "lastname", label: "Last name", type: "text" },
  { apiName: "salutation", label: "Salutation", type: "text" },
  { apiName: "company", label: "Company name", type: "text" },
  { apiName: "jobtitle", label: "Job title", type: "text" },
  { apiName: "website", label: "Website URL", type: "text" },
  { apiName: "city", label: "City", type: "text" },
  { apiName: "state", label: "State/Region", type: "text" },
  { apiName: "country", label: "Country/Region", type: "text" },
  { apiName: "hs_lead_status", label: "Lead status", type: "picklist" },
  { apiName: "lifecyclestage", label: "Lifecycle stage", type: "picklist" },
  { apiName: "industry", label: "Industry", type: "picklist" },
  { apiName: "hs_language", label: "Preferred language", type: "picklist" },
  { apiName: "hs_email_optout", label: "Unsubscribed from all email", type: "boolean" },
  { apiName: "notes_last_contacted", label: "Last contacted", type: "datetime" },
  { apiName: "notes_next_activity_date", label: "Next activity date", type: "datetime" },
  { apiName: "hs_last_sales_activity_timestamp", label: "Last engagement date", type: "datetime" },
  {
    apiName: "switchboard_last_call_disposition",
    label: "Last call disposition",
    type: "picklist",
    note: "Created by the Switchboard app",
  },
  { apiName: "switchboard_do_not_call", label: "Do not call", type: "boolean", note: "Created by the Switchboard app" },
];

const SALESFORCE: CrmProperty[] = [
  { apiName: "Email", label: "Email", type: "email" },
  { apiName: "Phone", label: "Phone", type: "phone" },
  { apiName: "MobilePhone", label: "Mobile", type: "phone" },
  { apiName: "HomePhone", label: "Home phone", type: "phone", note: "Contacts only" },
  { apiName: "OtherPhone", label: "Other phone", type: "phone", note: "Contacts only" },
  { apiName: "AssistantPhone", label: "Assistant phone", type: "phone", note: "Contacts only" },
  { apiName: "Fax", label: "Fax", type: "phone" },
  { apiName: "FirstName", label: "First name", type: "text" },
  { apiName: "LastName", label: "Last name", type: "text" },
  { apiName: "Salutation", label: "Salutation", type: "picklist" },
  { apiName: "Company", label: "Company", type: "text", note: "Leads; the account name on contacts" },
  { apiName: "Title", label: "Title", type: "text" },
  { apiName: "Department", label: "Department", type: "text", note: "Contacts only" },
  { apiName: "Website", label: "Website", type: "text", note: "Leads only" },
  { apiName: "Description", label: "Description", type: "text" },
  { apiName: "Status", label: "Lead status", type: "picklist", note: "Leads only" },
  { apiName: "LeadSource", label: "Lead source", type: "picklist" },
  { apiName: "Industry", label: "Industry", type: "picklist", note: "Leads only" },
  { apiName: "Rating", label: "Rating", type: "picklist", note: "Leads only" },
  { apiName: "DoNotCall", label: "Do not call", type: "boolean" },
  { apiName: "HasOptedOutOfEmail", label: "Email opt out", type: "boolean" },
  { apiName: "HasOptedOutOfFax", label: "Fax opt out", type: "boolean" },
  { apiName: "LastActivityDate", label: "Last activity", type: "datetime" },
  {
    apiName: "Last_Call_Disposition__c",
    label: "Last call disposition",
    type: "picklist",
    note: "Switchboard managed package",
  },
  { apiName: "Next_Follow_Up__c", label: "Next follow-up", type: "datetime", note: "Switchboard managed package" },
];

const ZOHO: CrmProperty[] = [
  { apiName: "Email", label: "Email", type: "email" },
  { apiName: "Secondary_Email", label: "Secondary email", type: "email" },
  { apiName: "Phone", label: "Phone", type: "phone" },
  { apiName: "Mobile", label: "Mobile", type: "phone" },
  { apiName: "Home_Phone", label: "Home phone", type: "phone", note: "Contacts only" },
  { apiName: "Other_Phone", label: "Other phone", type: "phone", note: "Contacts only" },
  { apiName: "Fax", label: "Fax", type: "phone" },
  { apiName: "First_Name", label: "First name", type: "text" },
  { apiName: "Last_Name", label: "Last name", type: "text" },
  { apiName: "Salutation", label: "Salutation", type: "picklist" },
  { apiName: "Account_Name", label: "Account name", type: "text", note: "Lookup: the account's name" },
  { apiName: "Company", label: "Company", type: "text", note: "Leads only" },
  { apiName: "Designation", label: "Designation (title)", type: "text" },
  { apiName: "Department", label: "Department", type: "text", note: "Contacts only" },
  { apiName: "Description", label: "Description", type: "text" },
  { apiName: "Lead_Status", label: "Lead status", type: "picklist", note: "Leads only" },
  { apiName: "Lead_Source", label: "Lead source", type: "picklist" },
  { apiName: "Industry", label: "Industry", type: "picklist", note: "Leads only" },
  { apiName: "Email_Opt_Out", label: "Email opt out", type: "boolean" },
  { apiName: "Last_Activity_Time", label: "Last activity time", type: "datetime" },
  { apiName: "Last_Call_Disposition", label: "Last call disposition", type: "picklist", note: "Created by the Switchboard extension" },
  { apiName: "Do_Not_Call", label: "Do not call", type: "boolean", note: "Created by the Switchboard extension" },
  { apiName: "Next_Follow_Up", label: "Next follow-up", type: "datetime", note: "Created by the Switchboard extension" },
];

export const CRM_CATALOGUES: Record<Provider, readonly CrmProperty[]> = {
  hubspot: HUBSPOT,
  salesforce: SALESFORCE,
  zoho: ZOHO,
};

/** Salesforce and Zoho API names are case-insensitive; HubSpot's are lower case. Compare them folded. */
export function sameApiName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export function crmProperty(provider: Provider, apiName: string): CrmProperty | undefined {
  return CRM_CATALOGUES[provider].find((p) => sameApiName(p.apiName, apiName));
}

/* How a custom property's API name must look, per CRM (what each CRM itself accepts). */
export const API_NAME_RULES: Record<Provider, { pattern: RegExp; hint: string }> = {
  hubspot: {
    pattern: /^[a-z][a-z0-9_]{0,99}$/,
    hint: "HubSpot internal names use lower-case letters, digits and underscores, e.g. preferred_call_time.",
  },
  salesforce: {
    pattern: /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*(?<!_)(?:__c)?$/,
    hint: "Salesforce API names start with a letter and use letters, digits and single underscores; custom fields end in __c, e.g. Preferred_Call_Time__c.",
  },
  zoho: {
    pattern: /^[A-Za-z][A-Za-z0-9_]{0,99}$/,
    hint: "Zoho API names start with a letter and use letters, digits and underscores, e.g. Preferred_Call_Time.",
  },
};

export const MAPPING_DIRECTIONS = ["bidirectional", "crm_to_app", "app_to_crm"] as const;
export type MappingDirection = (typeof MAPPING_DIRECTIONS)[number];

export function directionLabel(direction: MappingDirection, crm: string): string {
  switch (direction) {
    case "bidirectional":
      return "Both ways";
    case "crm_to_app":
      return `${crm} → Switchboard`;
    case "app_to_crm":
      return `Switchboard → ${crm}`;
  }
}

/** Where values flow: "in" = CRM → Switchboard, "out" = Switchboard → CRM. */
export function flows(direction: MappingDirection): { in: boolean; out: boolean } {
  return { in: direction !== "app_to_crm", out: direction !== "crm_to_app" };
}

const WIDENS_TO_TEXT: ReadonlySet<FieldType> = new Set(["email", "phone", "picklist"]);

/** A value of type `from` may be written into a field of type `to`: same type, or text ← email/phone/picklist. */
export function canReceive(to: FieldType, from: FieldType): boolean {
  return to === from || (to === "text" && WIDENS_TO_TEXT.has(from));
}

/**
 * Why a row's types don't fit in its direction, or null when they do. Each way
 * values flow is checked on its own, so a text CRM property can receive an
 * app picklist (Switchboard → CRM) but can't feed one (CRM → Switchboard).
 */
export function incompatibility(
  app: { label: string; type: FieldType },
  crm: { apiName: string; type: FieldType },
  direction: MappingDirection,
  crmName: string,
): string | null {
  const f = flows(direction);
  const appType = FIELD_TYPE_LABELS[app.type].toLowerCase();
  const crmType = FIELD_TYPE_LABELS[crm.type].toLowerCase();
  const outOk = !f.out || canReceive(crm.type, app.type);
  const inOk = !f.in || canReceive(app.type, crm.type);
  if (outOk && inOk) return null;
  if (!outOk && !inOk) {
    return `${crm.apiName} (${crmType}) doesn't match ${app.label} (${appType}): pick a ${appType} property.`;
  }
  if (!inOk) {
    const other = canReceive(crm.type, app.type) ? ` Choose “${directionLabel("app_to_crm", crmName)}” or a ${appType} property.` : "";
    return `${app.label} (${appType}) can't receive values from ${crm.apiName} (${crmType}).${other}`;
  }
  const other = canReceive(app.type, crm.type)
    ? ` Choose “${directionLabel("crm_to_app", crmName)}” or a property that accepts ${appType} values.`
    : "";
  return `${crm.apiName} (${crmType}) can't receive ${app.label} values (${appType}).${other}`;
}
