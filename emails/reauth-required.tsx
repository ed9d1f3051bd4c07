import { Section } from "@react-email/section";
import { type Provider, PROVIDER_NAMES } from "../lib/integrations/providers";
import type { Person, ReauthRequiredProps } from "../lib/notifications/email-props";
import type { ReauthReason } from "../lib/integrations/reasons";
import { reauthSubject } from "../lib/notifications/email-subjects";
import { formatDateTime, formatShortDateTime } from "../lib/format/date-time";
import { REAUTH_REASON_TITLES, reauthReasonExplanation } from "../lib/notifications/reason-text";
import { ActionList } from "./components/action-list";
import { CtaButton } from "./components/cta-button";
import { EmailFooter } from "./components/email-footer";
import { EmailShell } from "./components/email-shell";
import { KeyFacts } from "./components/key-facts";
import { previewAdmins, previewCommon } from "./components/preview-data";
import { SeverityBanner } from "./components/severity-banner";
import { CodeBlock, Muted, Paragraph, SectionHeading, Title } from "./components/typography";

/* docs/product R22, R28: the re-auth alert, its 24-hour reminder (stage "reminder"), and the
   alert for a deadline that had already passed on arrival (integration disabled).
   The button follows the first paragraph, so it is on a phone's first screen;
   the CRM's raw error comes last, as technical detail. */

function signInStep(provider: Provider, reason: ReauthReason, crm: string): string {
  if (provider === "hubspot") {
    const what = reason === "app_uninstalled" ? "reinstall the app and approve" : "approve";
    return `Sign in to HubSpot as a Super Admin (or a user allowed to install apps) and ${what} every permission Switchboard asks for.`;
  }
  if (provider === "salesforce") {
    return "Sign in with a Salesforce user that has API access and allow access. If the sign-in keeps expiring, ask your Salesforce admin to check the connected app's refresh token policy.";
  }
  return `Sign in to ${crm} in the same data centre (.com, .eu, .in, .com.au or .jp) as before and accept every permission Switchboard asks for.`;
}

function AdminsToContact({ admins, crm, companyName }: { admins: Person[]; crm: string; companyName: string }) {
  if (admins.length === 0) {
    return (
      <Paragraph>
        {companyName} has no active company admin, and only a company admin can reconnect {crm}. Ask whoever manages your Switchboard
        account to give someone the company admin role.
      </Paragraph>
    );
  }
  return (
    <>
      <Paragraph>Only a company admin can reconnect {crm}. If that is not you, forward this email to:</Paragraph>
      <Section>
        {admins.map((admin) => (
          <Paragraph key={admin.email}>
            <strong>{admin.name}</strong> — {admin.email}
          </Paragraph>
        ))}
      </Section>
    </>
  );
}

export function ReauthRequiredEmail(props: ReauthRequiredProps) {
  const { provider, company, stage, deadlinePassed, reauthReason, admins } = props;
  const crm = PROVIDER_NAMES[provider];
  const tz = company.timeZone;
  const when = formatDateTime(props.occurredAt, tz);
  const deadline = formatDateTime(props.deadline, tz);
  const shortDeadline = formatShortDateTime(props.deadline, tz);
  const reminder = stage === "reminder" && !deadlinePassed;

  const preview = deadlinePassed
    ? `The reconnect deadline for ${crm} has already passed, so the integration is disabled. Reconnect it to resume syncing.`
    : reminder
      ? `24 hours left: reconnect ${crm} by ${shortDeadline} or the integration is disabled.`
      : `${crm} stopped syncing for ${company.name}. A company admin must reconnect it by ${shortDeadline}.`;

  return (
    <EmailShell
      title={reauthSubject(props)}
      preview={preview}
      companyName={company.name}
      provider={provider}
      footer={
        <EmailFooter
          reason={props.reason}
          companyName={company.name}
          reportSettingsUrl={props.reportSettingsUrl}
          note="Re-authentication alerts are always sent and cannot be turned off."
        />
      }
      galleryPreview={props.galleryPreview}
    >
      <SeverityBanner level="critical">
        {deadlinePassed
          ? `The reconnect deadline (${deadline}) has already passed: the ${crm} integration is disabled.`
          : reminder
            ? `24 hours left. If nobody reconnects ${crm} by ${deadline}, the integration is disabled.`
            : `${crm} needs to be reconnected by ${deadline}. Until then nothing syncs.`}
      </SeverityBanner>

      <Title>
        {deadlinePassed
          ? `${crm} is disabled: reconnect it to resume syncing`
          : reminder
            ? `Reminder: ${crm} is still disconnected`
            : `Reconnect ${crm} to keep syncing`}
      </Title>

      <Paragraph>
        {reminder
          ? `${crm} has been disconnected since ${when} and nobody has reconnected it yet. ${reauthReasonExplanation(reauthReason, crm)}`
          : `${reauthReasonExplanation(reauthReason, crm)} Switchboard noticed on ${when}.`}
      </Paragraph>
      <CtaButton href={props.reconnectUrl}>{`Reconnect ${crm}`}</CtaButton>

      {props.message ? (
        <Paragraph>
          {crm} said: “{props.message}”
        </Paragraph>
      ) : null}
      <Paragraph>
        Until {crm} is reconnected, Switchboard cannot push or pull contacts, match users, or log calls, SMS and dispositions to {crm} for{" "}
        {company.name}.{" "}
        {deadlinePassed
          ? "The deadline had already passed when this was reported, so the integration was disabled at once."
          : "If it is not reconnected by the deadline, the integration is disabled."}
      </Paragraph>

      <KeyFacts
        facts={[
          { label: "CRM", value: crm },
          { label: "Problem", value: REAUTH_REASON_TITLES[reauthReason] },
          { label: "Detected", value: when },
          { label: "Deadline", value: deadlinePassed ? `${deadline} — already passed` : deadline },
          { label: "Status", value: deadlinePassed ? "Disabled" : "Needs re-authentication" },
        ]}
      />

      <SectionHeading>Who can fix it</SectionHeading>
      <AdminsToContact admins={admins} crm={crm} companyName={company.name} />

      <ActionList
        actions={[
          `A company admin opens Integrations in Switchboard and clicks Reconnect next to ${crm}.`,
          signInStep(provider, reauthReason, crm),
          `Check that ${crm} shows Connected on the Integrations page. Syncing resumes on its own and you get a confirmation email.`,
        ]}
      />

      <Muted>
        Reconnecting keeps your sync settings and property mappings, except the disposition sync direction, which returns to {crm} →
        Switchboard.
      </Muted>
      {props.providerError ? (
        <>
          <SectionHeading>Technical detail</SectionHeading>
          <CodeBlock label={`The raw error ${crm} returned, for whoever investigates:`}>{props.providerError}</CodeBlock>
        </>
      ) : null}
    </EmailShell>
  );
}

ReauthRequiredEmail.PreviewProps = {
  ...previewCommon(),
  provider: "hubspot",
  stage: "alert",
  reauthReason: "token_revoked",
  message: "HubSpot refused the refresh token: the app was removed or access was revoked.",
  providerError: '{"httpStatus":400,"body":{"status":"BAD_REFRESH_TOKEN","message":"missing or invalid refresh token"}}',
  occurredAt: "2026-11-27T10:00:00Z",
  deadline: "2026-11-30T10:00:00Z",
  deadlinePassed: false,
  admins: previewAdmins,
  reconnectUrl: "http://localhost:3000/integrations?reconnect=hubspot",
} satisfies ReauthRequiredProps;

export default ReauthRequiredEmail;
