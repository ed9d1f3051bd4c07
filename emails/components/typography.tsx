import { Heading } from "@react-email/heading";
import { Link } from "@react-email/link";
import { Text } from "@react-email/text";
import type { ReactNode } from "react";
import { colors, fonts } from "./theme";

/* Text styles shared by every template, so spacing and sizes stay consistent. */

const wrap = { overflowWrap: "anywhere", wordBreak: "break-word" } as const;

export function Title({ children }: { children: ReactNode }) {
  return (
    <Heading
      as="h1"
      className="sb-text sb-title"
      style={{ ...wrap, margin: "0 0 12px", fontSize: "22px", lineHeight: "30px", fontWeight: 700, color: colors.text }}
    >
      {children}
    </Heading>
  );
}

export function SectionHeading({ children }: { children: ReactNode }) {
  return (
    <Heading
      as="h2"
      className="sb-text"
      style={{ ...wrap, margin: "24px 0 8px", fontSize: "16px", lineHeight: "24px", fontWeight: 700, color: colors.text }}
    >
      {children}
    </Heading>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return (
    <Text className="sb-text" style={{ ...wrap, margin: "0 0 12px", fontSize: "15px", lineHeight: "24px", color: colors.text }}>
      {children}
    </Text>
  );
}

export function Muted({ children }: { children: ReactNode }) {
  return (
    <Text className="sb-muted" style={{ ...wrap, margin: "0 0 12px", fontSize: "13px", lineHeight: "20px", color: colors.muted }}>
      {children}
    </Text>
  );
}

export function TextLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="sb-link" style={{ ...wrap, color: colors.link, textDecoration: "underline" }}>
      {children}
    </Link>
  );
}

/** Pre-formatted detail such as a CRM's raw error; wraps long tokens instead of overflowing. */
export function CodeBlock({ label, children }: { label: string; children: string }) {
  return (
    <>
      <Muted>{label}</Muted>
      <Text
        className="sb-code"
        style={{
          margin: "0 0 12px",
          padding: "10px 12px",
          borderRadius: "6px",
          backgroundColor: colors.codeBg,
          color: colors.text,
          fontFamily: fonts.mono,
          fontSize: "12px",
          lineHeight: "18px",
          whiteSpace: "pre-wrap",
          wordBreak: "break-all",
        }}
      >
        {children}
      </Text>
    </>
  );
}
