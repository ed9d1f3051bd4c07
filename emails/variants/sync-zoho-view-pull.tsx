import type { SyncReportProps } from "../../lib/notifications/email-props";
import { previewCommon } from "../components/preview-data";
import { SyncReportEmail } from "../sync-report";

/* A Zoho CRM view pulled by name (docs/product R28: Zoho views by name). */
export function SyncZohoViewPull(props: SyncReportProps) {
  return <SyncReportEmail {...props} />;
}

SyncZohoViewPull.PreviewProps = {
  ...previewCommon(),
  provider: "zoho",
  operation: "zoho_views.pull",
  startedAt: "2026-11-27T14:28:00Z",
  finishedAt: "2026-11-27T14:29:12Z",
  counts: { processed: 512, created: 87, updated: 425, skipped: 0, failed: 0 },
  warnings: [],
  failures: [],
  detailedFailures: 0,
  view: { id: "4150868000000087501", name: "Open Leads – West" },
  followUps: [],
  reportUrl: "http://localhost:3000/notifications/ntf_preview_zoho_view",
  recordsUrl: "http://localhost:3000/notifications/ntf_preview_zoho_view/records",
} satisfies SyncReportProps;

export default SyncZohoViewPull;
