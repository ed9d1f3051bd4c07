/*
 * One troubleshooting tip per CRM error code, shown next to each error group
 * in the mapping-errors email (docs/product R28). Codes are the ones HubSpot,
 * Salesforce and Zoho CRM return themselves, so a tip can say where in that
 * CRM the fix lives.
 */

const TIPS: Record<string, string> = {
  // HubSpot
  INVALID_OPTION:
    "The value is not one of the property's allowed options in HubSpot. Add it as an option under HubSpot Settings › Properties (HubSpot matches the option's internal value, not its label), or change the value in Switchboard to an allowed one.",
  PROPERTY_DOESNT_EXIST:
    "The mapped HubSpot property does not exist: it was deleted, renamed, or its internal name is misspelled. Map the field to an existing property's internal name in Contact Property Mapping, or recreate the property in HubSpot.",
  READ_ONLY_VALUE:
    "HubSpot sets this property itself (for example createdate), so nobody can write it. Change the mapping direction to HubSpot → Switchboard or remove the mapping row.",
  INVALID_EMAIL:
    "HubSpot rejected the email address as malformed. Correct the contact's email in Switchboard to a single address such as name@example.com.",
  INVALID_LONG:
    "HubSpot expected a whole number for this number property. Map a numeric Switchboard field to it, or clean the value so it holds digits only.",
  INVALID_DATE:
    "HubSpot expected a date at midnight UTC for this date property. Map a date field to it, or switch the HubSpot property to date and time.",

  // Salesforce
  REQUIRED_FIELD_MISSING:
    "A field Salesforce requires on this object was empty (the message lists it, e.g. LastName, or Company for leads). Fill it in Switchboard, map a Switchboard field to it, or give it a default value in Salesforce.",
  INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST:
    "The value is not in the field's restricted picklist. Add it to the picklist values in Salesforce Setup › Object Manager, or change it in Switchboard to an allowed value (matching is exact, including case).",
  DUPLICATES_DETECTED:
    "A Salesforce duplicate rule blocked the record because it matches an existing one. Merge the duplicates, or ask your Salesforce admin to set that rule to “Allow” with an alert for the integration user.",
  STRING_TOO_LONG:
    "The value is longer than the Salesforce field allows (the message gives the maximum length). Shorten it in Switchboard or increase the field's length in Salesforce Setup.",

  // Zoho CRM
  MANDATORY_NOT_FOUND:
    "A mandatory Zoho CRM field was empty (its API name is in the error, e.g. Last_Name). Fill it in Switchboard or map a Switchboard field to it in Contact Property Mapping.",
  INVALID_DATA:
    "Zoho CRM rejected the value's type or format for that field, for example text in a number field or a picklist value that does not exist. Check the field under Zoho CRM Setup › Modules and Fields, then fix the value or the mapping.",
  DUPLICATE_DATA:
    "Another Zoho CRM record already holds this value in a field marked unique (often Email). Merge the duplicates in Zoho CRM, or turn off “Do not allow duplicate values” on that field.",
};

export const GENERIC_MAPPING_TIP =
  "Open the affected records to read each CRM message. Check that the mapped CRM property still exists, is writable, and accepts the value's type, then correct the value in Switchboard or the row in Contact Property Mapping.";

/** The tip for a CRM error code (case-insensitive), or a generic one for codes we do not know. */
export function tipFor(code: string): string {
  const key = code.trim().toUpperCase();
  return Object.hasOwn(TIPS, key) ? TIPS[key] : GENERIC_MAPPING_TIP;
}
