import type { MappingErrorsProps } from "../../lib/notifications/email-props";
import { tipFor } from "../../lib/notifications/mapping-tips";
import { previewBulkRecords, previewCommon } from "../components/preview-data";
import { MappingErrorsEmail } from "../mapping-errors";

/* A 15-minute digest of four HubSpot error reports, 2,000 failed contacts: only 25 are listed. */
export function MappingHubspotBulk(props: MappingErrorsProps) {
  return <MappingErrorsEmail {...props} />;
}

MappingHubspotBulk.PreviewProps = {
  ...previewCommon({ roles: ["company_admin", "billing_admin"], additional: false }),
  provider: "hubspot",
  direction: "push",
  object: "contact",
  firstAt: "2026-11-27T13:00:00Z",
  lastAt: "2026-11-27T13:14:20Z",
  eventCount: 4,
  totalRecords: 2000,
  groups: [
    { code: "INVALID_OPTION", count: 1890, tip: tipFor("INVALID_OPTION") },
    { code: "INVALID_EMAIL", count: 96, tip: tipFor("INVALID_EMAIL") },
    { code: "READ_ONLY_VALUE", count: 14, tip: tipFor("READ_ONLY_VALUE") },
  ],
  records: previewBulkRecords(25),
  detailedRecords: 2000,
  recordsUrl: "http://localhost:3000/notifications/ntf_preview_bulk/records",
  mappingUrl: "http://localhost:3000/integrations/hubspot/settings/mapping",
} satisfies MappingErrorsProps;

export default MappingHubspotBulk;
