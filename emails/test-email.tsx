import { Fragment } from "react";
import type { TestEmailProps } from "../lib/notifications/email-props";
import { PROVIDER_NAMES } from "../lib/integrations/providers";
import { testEmailSubject } from "../lib/notifications/email-subjects";
import { countOf, formatCount } from "../lib/notifications/format-count";
import { formatDateTime } from "../lib/format/date-time";
import { ActionList } from "./components/action-list";
import { CtaButton } from "./components/cta-button";
import { EmailFooter } from "./components/email-footer";
import { EmailShell } from "./components/email-shell";
import { KeyFacts } from "./components/key-facts";
import { previewCommon } from "./components/preview-data";
import { SeverityBanner } from "./components/severity-banner";
import { Muted, Paragraph, SectionHeading, Title } from "./components/typography";

/* docs/product R9: "Send test email" on Report settings, sent to the saved settings' recipients. */

const LISTED = 50;

export function TestEmail(props: TestEmailProps) {
  const { company, requestedBy, recipients } = props;
  const when = formatDateTime(props.sentAt, company.timeZone);
  const names = Object.values(PROVIDER_NAMES);
  const crms = `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;

  return (
    <EmailShell
      title={testEmailSubject(props)}
      preview={`${requestedBy.name} sent this test from Report settings. It reached you, so you will get ${company.name}'s integration reports.`}
      companyName={company.name}
      footer={<EmailFooter reason={props.reason} companyName={company.name} reportSettingsUrl={props.reportSettingsUrl} />}
      galleryPreview={props.galleryPreview}
    >
      <SeverityBanner level="info" label="Test">
        This is a test. No integration needs attention.
      </SeverityBanner>
      <Title>{`Test email for ${company.name}`}</Title>
      <Paragraph>
        {requestedBy.name} ({requestedBy.email}) sent this from Report settings on {when} to check that integration reports reach the right
        people.
      </Paragraph>
      <CtaButton href={props.reportSettingsUrl}>Open Report settings</CtaButton>
      <Paragraph>
        Everyone below gets the real ones: re-authentication alerts, contact mapping errors, data-sync reports and integration changes for{" "}
        {crms}.
      </Paragraph>
      <KeyFacts
        facts={[
          { label: "Company", value: company.name },
          { label: "Sent", value: when },
          { label: "Requested by", value: `${requestedBy.name} (${requestedBy.email})` },
          { label: "Recipients", value: countOf(recipients.length, "person", "people") },
        ]}
      />
      <SectionHeading>Sent to</SectionHeading>
      <Muted>
        {recipients.slice(0, LISTED).map((address, index) => (
          <Fragment key={address}>
            {index > 0 ? <br /> : null}
            {address}
          </Fragment>
        ))}
        {recipients.length > LISTED ? (
          <>
            <br />
            {`and ${formatCount(recipients.length - LISTED)} more`}
          </>
        ) : null}
      </Muted>
      <ActionList
        actions={[
          "Ask everyone listed whether it arrived; if not, have them check spam and quarantine folders.",
          "Add this sender to your mail system's allow-list so re-authentication alerts are never filtered.",
          "If someone is missing or should not be on the list, change the roles or additional recipients in Report settings.",
        ]}
      />
    </EmailShell>
  );
}

TestEmail.PreviewProps = {
  ...previewCommon(),
  requestedBy: { name: "Ada Admin", email: "admin@acme.test" },
  sentAt: "2026-11-27T15:45:00Z",
  recipients: ["admin@acme.test", "agent@acme.test"],
} satisfies TestEmailProps;

export default TestEmail;
