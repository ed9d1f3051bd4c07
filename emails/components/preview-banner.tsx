import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import { type Provider, PROVIDER_NAMES } from "../../lib/integrations/providers";
import type { GalleryPreview } from "../../lib/notifications/email-props";

// A colour no severity uses, so a preview never borrows an alert's look.
const tone = { bg: "#f3f0ff", text: "#3b1f7a", accent: "#6d28d9" };

/**
 * The first thing in an email sent from the gallery: who sent this preview,
 * that everything in it is sample data, and that nothing happened to the
 * integration. Kept in the plain-text version too.
 */
export function PreviewBanner({ preview, provider }: { preview: GalleryPreview; provider?: Provider }) {
  const who = preview.requestedBy.name ? `${preview.requestedBy.name} (${preview.requestedBy.email})` : preview.requestedBy.email;
  const unaffected = provider ? `your ${PROVIDER_NAMES[provider]} integration` : "any integration";
  return (
    <Section
      data-preview-banner="true"
      style={{ margin: "0 0 16px", backgroundColor: tone.bg, border: `2px dashed ${tone.accent}`, borderRadius: "8px" }}
    >
      <Text style={{ margin: 0, padding: "12px 16px", color: tone.text, fontSize: "14px", lineHeight: "22px", overflowWrap: "anywhere" }}>
        <strong style={{ textTransform: "uppercase", fontSize: "12px", letterSpacing: "0.6px" }}>Preview — not a real alert</strong>
        <br />
        {`${who} sent this preview from the Switchboard email gallery. Everything below is sample data: nothing happened to ${unaffected}.`}
      </Text>
    </Section>
  );
}
