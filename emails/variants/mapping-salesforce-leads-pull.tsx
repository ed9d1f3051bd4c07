import type { MappingErrorsProps } from "../../lib/notifications/email-props";
import { tipFor } from "../../lib/notifications/mapping-tips";
import { previewCommon } from "../components/preview-data";
import { MappingErrorsEmail } from "../mapping-errors";

/* Salesforce leads that could not be pulled, with the four classic Salesforce error codes. */
export function MappingSalesforceLeads(props: MappingErrorsProps) {
  return <MappingErrorsEmail {...props} />;
}

const codes = ["REQUIRED_FIELD_MISSING", "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "DUPLICATES_DETECTED", "STRING_TOO_LONG"];

MappingSalesforceLeads.PreviewProps = {
  ...previewCommon(),
  provider: "salesforce",
  direction: "pull",
  object: "lead",
  firstAt: "2026-11-27T13:10:00Z",
  lastAt: "2026-11-27T13:10:00Z",
  eventCount: 1,
  totalRecords: 4,
  groups: codes.map((code) => ({ code, count: 1, tip: tipFor(code) })),
  records: [
    {
      recordId: "00Q5e00000AbCdE",
      recordName: "Marta Nowak",
      crmProperty: "LastName",
      code: "REQUIRED_FIELD_MISSING",
      message: "Required fields are missing: [LastName]",
    },
    {
      recordId: "00Q5e00000AbCdF",
      recordName: "Kofi Mensah",
      crmProperty: "Race__c",
      code: "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
      message: "Race: bad value for restricted picklist field: Other",
    },
    {
      recordId: "00Q5e00000AbCdG",
      recordName: "Jo Park",
      recordEmail: "jo@contoso.example",
      code: "DUPLICATES_DETECTED",
      message: "Use one of these records?",
    },
    {
      recordId: "00Q5e00000AbCdH",
      recordName: "Anneliese Vandersteen-Oberhauser",
      crmProperty: "Title",
      code: "STRING_TOO_LONG",
      message: "Title: data value too large: (max length=128)",
    },
  ],
  detailedRecords: 4,
  recordsUrl: "http://localhost:3000/notifications/ntf_preview_leads/records",
  mappingUrl: "http://localhost:3000/integrations/salesforce/settings/mapping",
} satisfies MappingErrorsProps;

export default MappingSalesforceLeads;
