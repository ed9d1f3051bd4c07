import type { SyncReportProps } from "../../lib/notifications/email-props";
import { previewCommon } from "../components/preview-data";
import { SyncReportEmail } from "../sync-report";

/* Salesforce user matching with one agent left unmatched and a follow-up. */
export function SyncSalesforceUsers(props: SyncReportProps) {
  return <SyncReportEmail {...props} />;
}

SyncSalesforceUsers.PreviewProps = {
  ...previewCommon(),
  provider: "salesforce",
  operation: "users.sync",
  startedAt: "2026-11-27T14:19:40Z",
  finishedAt: "2026-11-27T14:19:52Z",
  counts: { processed: 19, created: 0, updated: 18, skipped: 0, failed: 1 },
  warnings: [],
  failures: [
    {
      recordId: "u_42",
      code: "USER_NOT_MATCHED",
      message: "No Salesforce user with email agent7@acme.test; activities will be assigned to the default owner.",
    },
  ],
  detailedFailures: 1,
  followUps: ["Invite agent7@acme.test to Salesforce or change their email to match."],
  reportUrl: "http://localhost:3000/notifications/ntf_preview_users",
  recordsUrl: "http://localhost:3000/notifications/ntf_preview_users/records",
} satisfies SyncReportProps;

export default SyncSalesforceUsers;
