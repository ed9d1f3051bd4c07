/*
 * Where each CRM's accounts live (docs/product R35, R36): Zoho's data centres (with
 * their names for admins and the location codes Zoho reports back) and
 * Salesforce's login hosts, including an org's own My Domain, which is
 * accepted only inside Salesforce's domains.
 */
export const ZOHO_DATA_CENTERS = ["com", "eu", "in", "com.au", "jp"] as const;
export type ZohoDataCenter = (typeof ZOHO_DATA_CENTERS)[number];

export const ZOHO_DATA_CENTER_LABELS: Record<ZohoDataCenter, string> = {
  com: "United States (zoho.com)",
  eu: "Europe (zoho.eu)",
  in: "India (zoho.in)",
  "com.au": "Australia (zoho.com.au)",
  jp: "Japan (zoho.jp)",
};

// Zoho names the data centre of the signed-in account in the callback's `location` parameter.
export const ZOHO_LOCATIONS: Record<ZohoDataCenter, string> = { com: "us", eu: "eu", in: "in", "com.au": "au", jp: "jp" };

export function isZohoDataCenter(value: unknown): value is ZohoDataCenter {
  return typeof value === "string" && (ZOHO_DATA_CENTERS as readonly string[]).includes(value);
}

export const zohoAccountsHost = (dc: ZohoDataCenter) => `accounts.zoho.${dc}`;
export const zohoApiHost = (dc: ZohoDataCenter) => `www.zohoapis.${dc}`;

export const SALESFORCE_LOGIN_HOST = "login.salesforce.com";
// The token request carries our client secret: only Salesforce's own domains may receive it.
const SALESFORCE_HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:salesforce\.com|force\.com|salesforce\.mil)$/;

/** "https://Acme.my.salesforce.com/" → "acme.my.salesforce.com"; anything outside Salesforce's domains is refused. */
export function parseSalesforceLoginHost(input: string): { ok: true; host: string } | { ok: false; message: string } {
  const trimmed = input.trim().toLowerCase();
  if (!trimmed) return { ok: false, message: "Enter your Salesforce login host, e.g. acme.my.salesforce.com." };
  let host = trimmed;
  if (/^[a-z]+:\/\//.test(trimmed)) {
    try {
      const url = new URL(trimmed);
      if (url.protocol !== "https:") return { ok: false, message: "Salesforce login hosts use https." };
      host = url.host;
    } catch {
      return { ok: false, message: "Enter a host name such as acme.my.salesforce.com." };
    }
  } else {
    host = trimmed.replace(/\/+$/, "");
  }
  if (host.length > 253 || !SALESFORCE_HOST.test(host)) {
    return {
      ok: false,
      message: "Enter a Salesforce host: login.salesforce.com, test.salesforce.com or your My Domain (…my.salesforce.com).",
    };
  }
  return { ok: true, host };
}
