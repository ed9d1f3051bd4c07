/*
 * The CRMs Switchboard connects to and the name each goes by on pages and in
 * emails. No imports: the schema's enums, the event contract's zod schemas
 * and client components all read this list, so adding a CRM starts here.
 */

export const PROVIDERS = ["hubspot", "salesforce", "zoho"] as const;
export type Provider = (typeof PROVIDERS)[number];

export const PROVIDER_NAMES: Record<Provider, string> = {
  hubspot: "HubSpot",
  salesforce: "Salesforce",
  zoho: "Zoho CRM",
};

/** For values from a URL or a form, before they index anything. */
export function isProvider(value: string): value is Provider {
  return (PROVIDERS as readonly string[]).includes(value);
}
