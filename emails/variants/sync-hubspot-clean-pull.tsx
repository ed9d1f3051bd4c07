import type { SyncReportProps } from "../../lib/notifications/email-props";
import { previewCommon } from "../components/preview-data";
import { SyncReportEmail } from "../sync-report";

/* A clean HubSpot contacts pull: nothing failed, nothing to do. */
export function SyncHubspotCleanPull(props: SyncReportProps) {
  return <SyncReportEmail {...props} />;
}

SyncHubspotCleanPull.PreviewProps = {
  ...previewCommon(),
  provider: "hubspot",
  operation: "contacts.pull",
  startedAt: "2026-11-27T14:05:00Z",
  finishedAt: "2026-11-27T14:09:31Z",
  counts: { processed: 5312, created: 120, updated: 5192, skipped: 0, failed: 0 },
  warnings: [],
  failures: [],
  detailedFailures: 0,
  followUps: [],
  reportUrl: "http://localhost:3000/notifications/ntf_preview_clean",
  recordsUrl: "http://localhost:3000/notifications/ntf_preview_clean/records",
} satisfies SyncReportProps;

export default SyncHubspotCleanPull;
