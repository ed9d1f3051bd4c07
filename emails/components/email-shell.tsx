import { Body } from "@react-email/body";
import { Column } from "@react-email/column";
import { Container } from "@react-email/container";
import { Head } from "@react-email/head";
import { Html } from "@react-email/html";
import { Preview } from "@react-email/preview";
import { Row } from "@react-email/row";
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import type { ReactNode } from "react";
import { type Provider, PROVIDER_NAMES } from "../../lib/integrations/providers";
import type { GalleryPreview } from "../../lib/notifications/email-props";
import { PreviewBanner } from "./preview-banner";
import { brands, colors, fonts, headCss } from "./theme";

type EmailShellProps = {
  /** The document title: the subject line, for clients' web views and screen readers. */
  title: string;
  /** Inbox preview line; rendered inside <Body> and skipped in the plain-text version. */
  preview: string;
  companyName: string;
  /** The CRM the email is about; omitted for emails about Switchboard itself (test email). */
  provider?: Provider;
  children: ReactNode;
  footer: ReactNode;
  /** Set when sent from the email gallery: a banner above everything says it is a preview. */
  galleryPreview?: GalleryPreview;
};

/**
 * The frame of every email: a 600 px card on a grey page, a stripe and badge
 * in the CRM's brand colour, the Switchboard wordmark, content, then footer.
 */
export function EmailShell({ title, preview, companyName, provider, children, footer, galleryPreview }: EmailShellProps) {
  const stripe = provider ? brands[provider].color : colors.switchboard;
  return (
    <Html lang="en" dir="ltr">
      <Head>
        {/* itemProp keeps the title where it is written: React otherwise hoists a <title>,
            and the in-app gallery's server-component build drops a hoisted one. */}
        <title itemProp="name">{galleryPreview ? `[Preview] ${title}` : title}</title>
        <meta name="color-scheme" content="light dark" />
        <meta name="supported-color-schemes" content="light dark" />
        <style>{headCss}</style>
      </Head>
      <Body className="sb-page" style={{ margin: 0, padding: 0, backgroundColor: colors.page, fontFamily: fonts.sans }}>
        <Preview>{preview}</Preview>
        {/* Body puts its style on an inner cell that cannot take a class; this
            full-width wrapper carries the page colour so dark mode can restyle it. */}
        <Section className="sb-page" style={{ width: "100%", backgroundColor: colors.page }}>
          <Container className="sb-outer" style={{ maxWidth: "600px", width: "100%", padding: "24px 12px" }}>
            {galleryPreview ? <PreviewBanner preview={galleryPreview} provider={provider} /> : null}
            <Section
              className="sb-card"
              style={{
                backgroundColor: colors.card,
                border: `1px solid ${colors.rule}`,
                borderTop: `4px solid ${stripe}`,
                borderRadius: "8px",
              }}
            >
              <Section className="sb-pad" style={{ padding: "20px 28px 4px" }}>
                <EmailHeader companyName={companyName} provider={provider} />
              </Section>
              <Section className="sb-pad" style={{ padding: "12px 28px 24px" }}>
                {children}
              </Section>
            </Section>
            <Section className="sb-pad" style={{ padding: "16px 28px 0" }}>
              {footer}
            </Section>
          </Container>
        </Section>
      </Body>
    </Html>
  );
}

function EmailHeader({ companyName, provider }: { companyName: string; provider?: Provider }) {
  return (
    <Row data-skip-in-text="true">
      <Column style={{ verticalAlign: "middle" }}>
        <Text
          className="sb-text"
          style={{ margin: 0, fontSize: "17px", lineHeight: "24px", fontWeight: 700, color: colors.text, letterSpacing: "-0.2px" }}
        >
          Switchboard
        </Text>
        <Text
          className="sb-muted"
          style={{ margin: 0, fontSize: "12px", lineHeight: "18px", color: colors.muted, overflowWrap: "anywhere" }}
        >
          {companyName}
        </Text>
      </Column>
      {provider ? (
        <Column align="right" style={{ verticalAlign: "middle", width: "1%", whiteSpace: "nowrap" }}>
          <CrmBadge provider={provider} />
        </Column>
      ) : null}
    </Row>
  );
}

/** The CRM's name on its brand colour, with a text colour that keeps AA contrast. */
export function CrmBadge({ provider }: { provider: Provider }) {
  const brand = brands[provider];
  return (
    <span
      style={{
        display: "inline-block",
        padding: "4px 12px",
        borderRadius: "999px",
        backgroundColor: brand.color,
        color: brand.onColor,
        fontSize: "13px",
        lineHeight: "20px",
        fontWeight: 700,
      }}
    >
      {PROVIDER_NAMES[provider]}
    </span>
  );
}
