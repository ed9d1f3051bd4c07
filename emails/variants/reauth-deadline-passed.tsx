import type { ReauthRequiredProps } from "../../lib/notifications/email-props";
import { previewAdmins, previewCommon } from "../components/preview-data";
import { ReauthRequiredEmail } from "../reauth-required";

/* Salesforce's expired sign-in reported after its deadline: the alert says so and the integration is already disabled. */
export function ReauthDeadlinePassed(props: ReauthRequiredProps) {
  return <ReauthRequiredEmail {...props} />;
}

ReauthDeadlinePassed.PreviewProps = {
  ...previewCommon(),
  provider: "salesforce",
  stage: "alert",
  reauthReason: "refresh_token_expired",
  providerError: '{"httpStatus":400,"body":{"error":"invalid_grant","error_description":"expired access/refresh token"}}',
  occurredAt: "2026-11-27T10:05:00Z",
  deadline: "2026-11-27T09:00:00Z",
  deadlinePassed: true,
  admins: previewAdmins,
  reconnectUrl: "http://localhost:3000/integrations?reconnect=salesforce",
} satisfies ReauthRequiredProps;

export default ReauthDeadlinePassed;
