import type { CommonProps, MappingErrorRecord, Person } from "../../lib/notifications/email-props";

/*
 * Shared sample data for PreviewProps and preview variants: the demo company
 * of the seed (Acme Dialers, America/New_York) and the local app URL.
 * Never used to fill in production props.
 */

export const previewAppUrl = "http://localhost:3000";

export const previewAdmins: Person[] = [{ name: "Ada Admin", email: "admin@acme.test" }];

export function previewCommon(overrides: Partial<CommonProps["reason"]> = {}): CommonProps {
  return {
    appUrl: previewAppUrl,
    company: { id: "acme", name: "Acme Dialers", timeZone: "America/New_York" },
    reason: { roles: ["company_admin"], additional: true, noRecipients: false, ...overrides },
    reportSettingsUrl: `${previewAppUrl}/account/report-settings`,
  };
}

const FIRST = ["Dana", "Luis", "Priya", "Tom", "Mina", "Oskar", "Chen", "Ines", "Rafael", "Yuki"];
const LAST = ["Whitfield", "Ortega", "Raman", "Becker", "Haddad", "Lindqvist", "Wei", "Duarte", "Silva", "Tanaka"];
const BAD_STATUSES = ["Hot-ish", "Warm?", "Callback later", "N/A"];

/** `count` HubSpot push failures shaped like the worker's (an INVALID_OPTION flood), for the large digest variant. */
export function previewBulkRecords(count: number): MappingErrorRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const first = FIRST[i % FIRST.length];
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length];
    const status = BAD_STATUSES[i % BAD_STATUSES.length];
    return {
      recordId: `c_${20001 + i}`,
      recordName: `${first} ${last}`,
      recordEmail: `${first}.${last}@northwind.example`.toLowerCase(),
      field: "lead_status",
      crmProperty: "hs_lead_status",
      code: "INVALID_OPTION",
      message: `${status} was not one of the allowed options: [NEW, OPEN, IN_PROGRESS, OPEN_DEAL, UNQUALIFIED]`,
    };
  });
}
