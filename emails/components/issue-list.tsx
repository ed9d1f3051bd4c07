import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import type { ReactNode } from "react";
import { colors, fonts } from "./theme";

export type Issue = { key: string; code: string; count?: string; detail: ReactNode };

/**
 * Error codes or warnings as stacked blocks — code, how many, then the
 * explanation — rather than table columns, so long text stays readable on a phone.
 */
export function IssueList({ issues }: { issues: Issue[] }) {
  return (
    <>
      {issues.map((issue) => (
        <Section
          key={issue.key}
          className="sb-rule"
          style={{ margin: "0 0 12px", borderLeft: `3px solid ${colors.rule}`, paddingLeft: "12px" }}
        >
          <Text
            className="sb-text"
            style={{ margin: "0 0 2px", fontSize: "14px", lineHeight: "20px", color: colors.text, overflowWrap: "anywhere" }}
          >
            <strong style={{ fontFamily: fonts.mono, fontSize: "13px" }}>{issue.code}</strong>
            {issue.count ? ` — ${issue.count}` : null}
          </Text>
          <Text
            className="sb-muted"
            style={{ margin: 0, fontSize: "13px", lineHeight: "20px", color: colors.muted, overflowWrap: "anywhere" }}
          >
            {issue.detail}
          </Text>
        </Section>
      ))}
    </>
  );
}
