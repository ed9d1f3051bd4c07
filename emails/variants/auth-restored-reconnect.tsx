import type { AuthRestoredProps } from "../../lib/notifications/email-props";
import { previewCommon } from "../components/preview-data";
import { AuthRestoredEmail } from "../auth-restored";

/* An admin reconnected Salesforce from the Integrations page. */
export function AuthRestoredReconnect(props: AuthRestoredProps) {
  return <AuthRestoredEmail {...props} />;
}

AuthRestoredReconnect.PreviewProps = {
  ...previewCommon(),
  provider: "salesforce",
  occurredAt: "2026-11-27T16:40:00Z",
  brokenSince: "2026-11-27T10:05:00Z",
  via: "reconnect",
  integrationsUrl: "http://localhost:3000/integrations",
} satisfies AuthRestoredProps;

export default AuthRestoredReconnect;
