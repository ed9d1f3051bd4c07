import type { ReauthRequiredProps } from "../../lib/notifications/email-props";
import { previewCommon } from "../components/preview-data";
import { ReauthRequiredEmail } from "../reauth-required";

/* HubSpot asks for new scopes at a company with no active admin, sent to the escalation address. */
export function ReauthScopesNoAdmins(props: ReauthRequiredProps) {
  return <ReauthRequiredEmail {...props} />;
}

ReauthScopesNoAdmins.PreviewProps = {
  ...previewCommon({ roles: ["company_admin"], additional: false, noRecipients: true }),
  provider: "hubspot",
  stage: "alert",
  reauthReason: "scopes_changed",
  providerError:
    '{"httpStatus":403,"body":{"status":"error","category":"MISSING_SCOPES","message":"This app hasn\'t been granted all required scopes to make this call.","errors":[{"context":{"requiredScopes":["crm.objects.contacts.write"]}}]}}',
  occurredAt: "2026-11-27T11:00:00Z",
  deadline: "2026-11-30T11:00:00Z",
  deadlinePassed: false,
  admins: [],
  reconnectUrl: "http://localhost:3000/integrations?reconnect=hubspot",
} satisfies ReauthRequiredProps;

export default ReauthScopesNoAdmins;
