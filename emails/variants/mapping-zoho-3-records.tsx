import type { MappingErrorsProps } from "../../lib/notifications/email-props";
import { tipFor } from "../../lib/notifications/mapping-tips";
import { previewCommon } from "../components/preview-data";
import { MappingErrorsEmail } from "../mapping-errors";

/* Three Zoho CRM push failures, one per error code. */
export function MappingZohoThreeRecords(props: MappingErrorsProps) {
  return <MappingErrorsEmail {...props} />;
}

MappingZohoThreeRecords.PreviewProps = {
  ...previewCommon(),
  provider: "zoho",
  direction: "push",
  object: "contact",
  firstAt: "2026-11-27T13:20:00Z",
  lastAt: "2026-11-27T13:20:00Z",
  eventCount: 1,
  totalRecords: 3,
  groups: ["MANDATORY_NOT_FOUND", "INVALID_DATA", "DUPLICATE_DATA"].map((code) => ({ code, count: 1, tip: tipFor(code) })),
  records: [
    {
      recordId: "9001",
      recordName: "Hank Scorpio",
      crmProperty: "Last_Name",
      code: "MANDATORY_NOT_FOUND",
      message: "required field not found",
    },
    { recordId: "9002", recordName: "Homer Simpson", crmProperty: "No_of_Employees", code: "INVALID_DATA", message: "invalid data" },
    { recordId: "9003", recordName: "Frank Grimes", crmProperty: "Email", code: "DUPLICATE_DATA", message: "duplicate data" },
  ],
  detailedRecords: 3,
  recordsUrl: "http://localhost:3000/notifications/ntf_preview_zoho/records",
  mappingUrl: "http://localhost:3000/integrations/zoho/settings/mapping",
} satisfies MappingErrorsProps;

export default MappingZohoThreeRecords;
