import type { IntegrationDisabledProps } from "../lib/notifications/email-props";
import { PROVIDER_NAMES } from "../lib/integrations/providers";
import { integrationDisabledSubject } from "../lib/notifications/email-subjects";
import { formatDateTime } from "../lib/format/date-time";
import { DISABLE_REASON_PHRASES, DISABLE_REASON_TITLES } from "../lib/notifications/reason-text";
import { ActionList } from "./components/action-list";
import { CtaButton } from "./components/cta-button";
import { EmailFooter } from "./components/email-footer";
import { EmailShell } from "./components/email-shell";
import { KeyFacts } from "./components/key-facts";
import { previewCommon } from "./components/preview-data";
import { SeverityBanner } from "./components/severity-banner";
import { Paragraph, Title } from "./components/typography";

/* docs/product R11, R22: a CRM integration was disabled — by an admin, by the CRM, or by a missed re-auth deadline. */

function whatHappened(p: IntegrationDisabledProps, crm: string, when: string): string {
  const by = p.actor ? ` by ${p.actor.name} (${p.actor.email})` : "";
  switch (p.disableReason) {
    case "app_uninstalled":
      return `The Switchboard app was uninstalled from ${crm}${by} on ${when}, so Switchboard disabled the integration.`;
    case "token_revoked":
      return `Switchboard's access to ${crm} was revoked${by} on ${when}, so the integration is disabled.`;
    case "user_disconnected":
      return `${p.actor ? `${p.actor.name} (${p.actor.email})` : "A user"} disconnected ${crm} from Switchboard on ${when}.`;
    case "reauth_deadline_passed":
      return `${crm} needed to be reconnected and nobody did so before the deadline, so Switchboard disabled the integration on ${when}.`;
    case "admin":
      return `${p.actor ? `${p.actor.name} (${p.actor.email})` : "A company admin"} disabled the ${crm} integration in Switchboard on ${when}.`;
  }
}

export function IntegrationDisabledEmail(props: IntegrationDisabledProps) {
  const { provider, company, disableReason, needsReconnect } = props;
  const crm = PROVIDER_NAMES[provider];
  const when = formatDateTime(props.occurredAt, company.timeZone);
  const actions = needsReconnect
    ? [
        `If this was not intended, a company admin opens Integrations and clicks Reconnect next to ${crm}${disableReason === "app_uninstalled" ? "; this installs the app again" : ""}.`,
        `Sign in to ${crm} with an account allowed to install apps and approve every permission Switchboard asks for.`,
        `Check that ${crm} shows Connected. Syncing resumes on its own and you get a confirmation email.`,
      ]
    : [
        "If this was intended, there is nothing else to do.",
        `Otherwise a company admin enables ${crm} again from Integrations; its settings and mappings were kept.`,
        "After it is enabled, check the next sync report for failures.",
      ];

  return (
    <EmailShell
      title={integrationDisabledSubject(props)}
      preview={`Nothing syncs between Switchboard and ${crm} for ${company.name} until it is ${needsReconnect ? "reconnected" : "enabled again"}.`}
      companyName={company.name}
      provider={provider}
      footer={<EmailFooter reason={props.reason} companyName={company.name} reportSettingsUrl={props.reportSettingsUrl} />}
      galleryPreview={props.galleryPreview}
    >
      <SeverityBanner level={needsReconnect ? "critical" : "warning"}>
        {needsReconnect
          ? `Nothing syncs with ${crm} until a company admin reconnects it.`
          : `Nothing syncs with ${crm} until it is enabled again.`}
      </SeverityBanner>
      <Title>{`${crm} integration disabled: ${DISABLE_REASON_PHRASES[disableReason]}`}</Title>
      <Paragraph>{whatHappened(props, crm, when)}</Paragraph>
      <CtaButton href={props.integrationsUrl}>{needsReconnect ? `Reconnect ${crm}` : "Open Integrations"}</CtaButton>
      <Paragraph>
        Switchboard no longer pushes or pulls contacts, matches users, or logs calls, SMS and dispositions to {crm} for {company.name}. The
        integration's settings and property mappings are kept.
      </Paragraph>
      <KeyFacts
        facts={[
          { label: "CRM", value: crm },
          { label: "Status", value: "Disabled" },
          { label: "When", value: when },
          { label: "Reason", value: DISABLE_REASON_TITLES[disableReason] },
          { label: "By", value: props.actor ? `${props.actor.name} (${props.actor.email})` : "Not reported" },
        ]}
      />
      <ActionList actions={actions} />
    </EmailShell>
  );
}

IntegrationDisabledEmail.PreviewProps = {
  ...previewCommon(),
  provider: "hubspot",
  occurredAt: "2026-11-27T12:00:00Z",
  actor: { name: "Portal super admin", email: "it@acme.test" },
  disableReason: "app_uninstalled",
  integrationsUrl: "http://localhost:3000/integrations?reconnect=hubspot",
  needsReconnect: true,
} satisfies IntegrationDisabledProps;

export default IntegrationDisabledEmail;
