import { Button } from "@react-email/button";
import { Section } from "@react-email/section";
import { colors } from "./theme";

/**
 * The one call to action of an email. `href` must be absolute: emails are
 * read outside the app, so a relative link would lead nowhere.
 */
export function CtaButton({ href, children }: { href: string; children: string }) {
  return (
    <Section style={{ margin: "8px 0 20px" }}>
      <Button
        href={href}
        className="sb-cta"
        style={{
          display: "inline-block",
          padding: "12px 22px",
          borderRadius: "6px",
          backgroundColor: colors.button,
          color: colors.buttonText,
          fontSize: "15px",
          lineHeight: "20px",
          fontWeight: 700,
          textDecoration: "none",
        }}
      >
        {children}
      </Button>
    </Section>
  );
}
