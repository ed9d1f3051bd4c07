import type { ReauthRequiredProps } from "../../lib/notifications/email-props";
import { ReauthRequiredEmail } from "../reauth-required";

/* The 24-hours-left reminder of the HubSpot alert (docs/product R22). */
export function ReauthReminder(props: ReauthRequiredProps) {
  return <ReauthRequiredEmail {...props} />;
}

ReauthReminder.PreviewProps = {
  ...ReauthRequiredEmail.PreviewProps,
  stage: "reminder",
} satisfies ReauthRequiredProps;

export default ReauthReminder;
