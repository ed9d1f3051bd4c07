import type { MappingErrorsProps } from "../../lib/notifications/email-props";
import { tipFor } from "../../lib/notifications/mapping-tips";
import { previewBulkRecords, previewCommon } from "../components/preview-data";
import { MappingErrorsEmail } from "../mapping-errors";

/*
 * A digest of three HubSpot error reports that counted 600 failed contacts but
 * detailed only 60 (workers split large failures): 25 are listed, the 60 are on
 * the records page, and the email says that nothing more can be listed.
 */
export function MappingHubspotPartialDetails(props: MappingErrorsProps) {
  return <MappingErrorsEmail {...props} />;
}

MappingHubspotPartialDetails.PreviewProps = {
  ...previewCommon(),
  provider: "hubspot",
  direction: "push",
  object: "contact",
  firstAt: "2026-11-27T13:00:00Z",
  lastAt: "2026-11-27T13:09:30Z",
  eventCount: 3,
  totalRecords: 600,
  detailedRecords: 60,
  groups: [
    { code: "INVALID_OPTION", count: 48, tip: tipFor("INVALID_OPTION") },
    { code: "INVALID_EMAIL", count: 12, tip: tipFor("INVALID_EMAIL") },
  ],
  records: previewBulkRecords(25),
  recordsUrl: "http://localhost:3000/notifications/ntf_preview_partial/records",
  mappingUrl: "http://localhost:3000/integrations/hubspot/settings/mapping",
} satisfies MappingErrorsProps;

export default MappingHubspotPartialDetails;
