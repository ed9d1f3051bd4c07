import type { IntegrationEnabledProps } from "../../lib/notifications/email-props";
import { previewCommon } from "../components/preview-data";
import { IntegrationEnabledEmail } from "../integration-enabled";

/* Zoho CRM enabled again by the admin who had disabled it. */
export function EnabledZoho(props: IntegrationEnabledProps) {
  return <IntegrationEnabledEmail {...props} />;
}

EnabledZoho.PreviewProps = {
  ...previewCommon(),
  provider: "zoho",
  occurredAt: "2026-11-28T13:00:00Z",
  actor: { name: "Ada Admin", email: "admin@acme.test" },
  via: "admin",
  settingsUrl: "http://localhost:3000/integrations/zoho/settings/sync",
} satisfies IntegrationEnabledProps;

export default EnabledZoho;
