import type { IntegrationDisabledProps } from "../../lib/notifications/email-props";
import { previewCommon } from "../components/preview-data";
import { IntegrationDisabledEmail } from "../integration-disabled";

/* A company admin paused Zoho CRM from Switchboard; tokens are kept, so Enable brings it back. */
export function DisabledZohoAdmin(props: IntegrationDisabledProps) {
  return <IntegrationDisabledEmail {...props} />;
}

DisabledZohoAdmin.PreviewProps = {
  ...previewCommon(),
  provider: "zoho",
  occurredAt: "2026-11-27T17:30:00Z",
  actor: { name: "Ada Admin", email: "admin@acme.test" },
  disableReason: "admin",
  integrationsUrl: "http://localhost:3000/integrations",
  needsReconnect: false,
} satisfies IntegrationDisabledProps;

export default DisabledZohoAdmin;
