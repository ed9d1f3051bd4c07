import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import type { ReactNode } from "react";
import { severityColors, type Severity } from "./theme";

const LABELS: Record<Severity, string> = {
  critical: "Critical",
  warning: "Needs attention",
  info: "For your information",
  success: "Resolved",
};

/**
 * A tinted box at the top of an email saying how urgent it is. The level is
 * spelled out in words as well as colour, so it survives colour blindness,
 * dark-mode inversion and the plain-text version.
 */
export function SeverityBanner({ level, label, children }: { level: Severity; label?: string; children: ReactNode }) {
  const c = severityColors[level];
  return (
    <Section
      className={`sb-banner-${level}`}
      style={{
        margin: "4px 0 20px",
        backgroundColor: c.bg,
        color: c.text,
        borderLeft: `4px solid ${c.accent}`,
        borderRadius: "6px",
      }}
    >
      <Text
        className={`sb-banner-${level}`}
        style={{
          margin: 0,
          padding: "12px 16px",
          backgroundColor: c.bg,
          color: c.text,
          fontSize: "14px",
          lineHeight: "22px",
          overflowWrap: "anywhere",
        }}
      >
        <strong style={{ textTransform: "uppercase", fontSize: "12px", letterSpacing: "0.6px" }}>{label ?? LABELS[level]}</strong>
        <br />
        {children}
      </Text>
    </Section>
  );
}
