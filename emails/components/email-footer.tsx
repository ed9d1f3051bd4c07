import { Hr } from "@react-email/hr";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import type { ReportRole } from "../../db/schema";
import type { RecipientReason } from "../../lib/notifications/email-props";
import { colors } from "./theme";

const ROLE_LABELS: Record<ReportRole, string> = {
  billing_admin: "billing admins",
  company_admin: "company admins",
  company_supervisor: "company supervisors",
};

function listOf(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** docs/product R30: why these recipients get the email, in one sentence. */
export function recipientReasonText(reason: RecipientReason, companyName: string): string {
  if (reason.noRecipients) {
    return `Nobody at ${companyName} is set up to receive integration reports, so this email went to the escalation address instead. Choose recipients in Report settings so the right people get the next one.`;
  }
  const audiences = reason.roles.map((role) => ROLE_LABELS[role]);
  if (reason.additional) audiences.push("the users listed as additional recipients");
  if (audiences.length === 0) return `You receive this as a recipient of the integration reports of ${companyName}.`;
  return `You receive this because the Report settings of ${companyName} send integration reports to ${listOf(audiences)}.`;
}

const small = { margin: "0 0 8px", fontSize: "12px", lineHeight: "18px", color: colors.muted } as const;

export function EmailFooter({
  reason,
  companyName,
  reportSettingsUrl,
  note,
}: {
  reason: RecipientReason;
  companyName: string;
  reportSettingsUrl: string;
  /** A line specific to the notification type, e.g. that re-auth alerts cannot be turned off. */
  note?: string;
}) {
  return (
    <>
      <Text className="sb-muted" style={small}>
        {recipientReasonText(reason, companyName)} {note ? `${note} ` : null}
        <Link href={reportSettingsUrl} className="sb-link" style={{ color: colors.link, textDecoration: "underline" }}>
          Report settings
        </Link>
      </Text>
      <Hr className="sb-rule" style={{ margin: "12px 0", borderColor: colors.rule }} />
      <Text className="sb-muted" style={small}>
        Sent by Switchboard for {companyName}.
      </Text>
    </>
  );
}
