import type { IntegrationEnabledProps } from "../lib/notifications/email-props";
import { PROVIDER_NAMES } from "../lib/integrations/providers";
import { integrationEnabledSubject } from "../lib/notifications/email-subjects";
import { formatDateTime } from "../lib/format/date-time";
import { ActionList } from "./components/action-list";
import { CtaButton } from "./components/cta-button";
import { EmailFooter } from "./components/email-footer";
import { EmailShell } from "./components/email-shell";
import { KeyFacts } from "./components/key-facts";
import { previewCommon } from "./components/preview-data";
import { SeverityBanner } from "./components/severity-banner";
import { Muted, Paragraph, TextLink, Title } from "./components/typography";

/* docs/product R11, R37: a CRM integration was connected for the first time or enabled again. */

const VIA_TEXT: Record<IntegrationEnabledProps["via"], string> = {
  connect: "Connected in Switchboard (sign-in with the CRM)",
  admin: "Enabled again by a company admin in Switchboard",
  event: "Reported by the CRM integration",
};

export function IntegrationEnabledEmail(props: IntegrationEnabledProps) {
  const { provider, company, actor, via } = props;
  const crm = PROVIDER_NAMES[provider];
  const when = formatDateTime(props.occurredAt, company.timeZone);
  const who = actor ? `${actor.name} (${actor.email})` : null;
  const happened =
    via === "connect"
      ? `${who ?? "A company admin"} connected ${crm} to Switchboard on ${when}.`
      : via === "admin"
        ? `${who ?? "A company admin"} enabled the ${crm} integration again on ${when}.`
        : `${crm} reported the integration as enabled on ${when}${who ? `, by ${who}` : ""}.`;

  return (
    <EmailShell
      title={integrationEnabledSubject(props)}
      preview={`${crm} is now connected and syncing for ${company.name}. Review its sync settings and property mapping.`}
      companyName={company.name}
      provider={provider}
      footer={<EmailFooter reason={props.reason} companyName={company.name} reportSettingsUrl={props.reportSettingsUrl} />}
      galleryPreview={props.galleryPreview}
    >
      <SeverityBanner level="info" label="Enabled">{`${crm} is connected and syncing for ${company.name}.`}</SeverityBanner>
      <Title>{`${crm} integration enabled`}</Title>
      <Paragraph>{happened}</Paragraph>
      <CtaButton href={props.settingsUrl}>{`Review ${crm} sync settings`}</CtaButton>
      <Paragraph>
        From now on Switchboard syncs contacts and users with {crm} and logs calls, SMS, voicemails and recording links there, as set in the
        integration's settings.
      </Paragraph>
      <KeyFacts
        facts={[
          { label: "CRM", value: crm },
          { label: "Status", value: "Connected" },
          { label: "When", value: when },
          { label: "By", value: who ?? "Not reported" },
          { label: "How", value: VIA_TEXT[via] },
        ]}
      />
      <ActionList
        actions={[
          `Review the Sync tab: which objects sync with ${crm} and in which direction contacts are created and updated.`,
          "Check Contact Property Mapping so each Switchboard field lands in the right CRM property.",
          `Watch the next ${crm} sync report for failures or warnings.`,
        ]}
      />
      <Muted>
        Not expected? A company admin can disable the integration from{" "}
        <TextLink href={`${props.appUrl}/integrations`}>Integrations</TextLink>.
      </Muted>
    </EmailShell>
  );
}

IntegrationEnabledEmail.PreviewProps = {
  ...previewCommon(),
  provider: "hubspot",
  occurredAt: "2026-11-27T12:30:00Z",
  actor: { name: "Ada Admin", email: "admin@acme.test" },
  via: "event",
  settingsUrl: "http://localhost:3000/integrations/hubspot/settings/sync",
} satisfies IntegrationEnabledProps;

export default IntegrationEnabledEmail;
