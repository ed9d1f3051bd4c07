import type { AuthRestoredProps } from "../lib/notifications/email-props";
import { PROVIDER_NAMES } from "../lib/integrations/providers";
import { authRestoredSubject } from "../lib/notifications/email-subjects";
import { formatDateTime, formatDuration } from "../lib/format/date-time";
import { ActionList } from "./components/action-list";
import { CtaButton } from "./components/cta-button";
import { EmailFooter } from "./components/email-footer";
import { EmailShell } from "./components/email-shell";
import type { Fact } from "./components/key-facts";
import { KeyFacts } from "./components/key-facts";
import { previewCommon } from "./components/preview-data";
import { SeverityBanner } from "./components/severity-banner";
import { Paragraph, Title } from "./components/typography";

/* docs/product R22: the recovery notice once a CRM that needed re-authentication works again. */

export function AuthRestoredEmail(props: AuthRestoredProps) {
  const { provider, company, via } = props;
  const crm = PROVIDER_NAMES[provider];
  const tz = company.timeZone;
  const when = formatDateTime(props.occurredAt, tz);
  const outage = props.brokenSince ? formatDuration(props.brokenSince, props.occurredAt) : null;

  const facts: Fact[] = [
    { label: "CRM", value: crm },
    { label: "Status", value: "Connected" },
    { label: "Restored", value: when },
  ];
  if (props.brokenSince) {
    facts.push({ label: "Broken since", value: formatDateTime(props.brokenSince, tz) });
    if (outage) facts.push({ label: "Interruption", value: outage });
  }
  facts.push({
    label: "How",
    value: via === "reconnect" ? "Reconnected by a company admin in Switchboard" : `${crm} accepted the existing sign-in again`,
  });

  const actions = [
    "Nothing else is needed to restore the connection: the open re-authentication alert is closed and its reminder and deadline are cancelled.",
    `Check the next ${crm} sync report for records that failed while the connection was down.`,
  ];
  if (via === "reconnect") {
    actions.push(`Review the disposition sync direction on the Communication tab: reconnecting set it back to ${crm} → Switchboard.`);
  }

  return (
    <EmailShell
      title={authRestoredSubject(props)}
      preview={`${crm} is connected again for ${company.name}. Syncing has resumed and the reconnect deadline is cancelled.`}
      companyName={company.name}
      provider={provider}
      footer={<EmailFooter reason={props.reason} companyName={company.name} reportSettingsUrl={props.reportSettingsUrl} />}
      galleryPreview={props.galleryPreview}
    >
      <SeverityBanner level="success">{`${crm} is connected again. The reconnect deadline and its reminder are cancelled.`}</SeverityBanner>
      <Title>{`${crm} reconnected — syncing again`}</Title>
      <Paragraph>
        {via === "reconnect"
          ? `A company admin reconnected ${crm} on ${when}.`
          : `${crm} accepted Switchboard's sign-in again on ${when}, so nobody had to reconnect it.`}{" "}
        {outage ? `Syncing was interrupted for ${outage}.` : null}
      </Paragraph>
      <CtaButton href={props.integrationsUrl}>{`View ${crm} integration`}</CtaButton>
      <Paragraph>
        Contacts, users, calls, SMS and dispositions sync with {crm} again for {company.name}, following the integration's current settings.
      </Paragraph>
      <KeyFacts facts={facts} />
      <ActionList actions={actions} />
    </EmailShell>
  );
}

AuthRestoredEmail.PreviewProps = {
  ...previewCommon(),
  provider: "hubspot",
  occurredAt: "2026-11-28T09:00:00Z",
  brokenSince: "2026-11-27T10:00:00Z",
  via: "event",
  integrationsUrl: "http://localhost:3000/integrations",
} satisfies AuthRestoredProps;

export default AuthRestoredEmail;
