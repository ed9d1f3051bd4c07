import type { IntegrationDisabledProps } from "../../lib/notifications/email-props";
import { previewCommon } from "../components/preview-data";
import { IntegrationDisabledEmail } from "../integration-disabled";

/* Salesforce was not reconnected before its re-auth deadline, so Switchboard disabled it. */
export function DisabledSalesforceDeadline(props: IntegrationDisabledProps) {
  return <IntegrationDisabledEmail {...props} />;
}

DisabledSalesforceDeadline.PreviewProps = {
  ...previewCommon(),
  provider: "salesforce",
  occurredAt: "2026-11-30T10:05:00Z",
  disableReason: "reauth_deadline_passed",
  integrationsUrl: "http://localhost:3000/integrations?reconnect=salesforce",
  needsReconnect: true,
} satisfies IntegrationDisabledProps;

export default DisabledSalesforceDeadline;
