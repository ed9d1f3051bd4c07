import type { IntegrationEnabledProps } from "../../lib/notifications/email-props";
import { previewCommon } from "../components/preview-data";
import { IntegrationEnabledEmail } from "../integration-enabled";

/* Salesforce connected for the first time by a company admin. */
export function EnabledSalesforce(props: IntegrationEnabledProps) {
  return <IntegrationEnabledEmail {...props} />;
}

EnabledSalesforce.PreviewProps = {
  ...previewCommon(),
  provider: "salesforce",
  occurredAt: "2026-11-27T15:10:00Z",
  actor: { name: "Ada Admin", email: "admin@acme.test" },
  via: "connect",
  settingsUrl: "http://localhost:3000/integrations/salesforce/settings/sync",
} satisfies IntegrationEnabledProps;

export default EnabledSalesforce;
