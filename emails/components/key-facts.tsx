import { Column } from "@react-email/column";
import { Row } from "@react-email/row";
import { Section } from "@react-email/section";
import type { ReactNode } from "react";
import { colors } from "./theme";

export type Fact = { label: string; value: ReactNode };

/** "(14:19 UTC)" wraps as one piece, never as "(14:19" above "UTC)". */
function keepUtcTogether(value: ReactNode): ReactNode {
  return typeof value === "string" ? value.replace(/ UTC\)/g, "\u00a0UTC)") : value;
}

/**
 * The at-a-glance table near the top of an email: CRM, when, deadline,
 * affected records. Labels sit in a fixed narrow column so values line up; on
 * phones the column narrows (theme.ts) to leave the values room.
 */
export function KeyFacts({ facts }: { facts: Fact[] }) {
  return (
    <Section style={{ margin: "0 0 8px" }}>
      {facts.map((fact) => (
        <Row key={fact.label} data-text="row" className="sb-rule" style={{ borderBottom: `1px solid ${colors.rule}` }}>
          <Column
            data-text="inline"
            className="sb-muted sb-fact-label"
            style={{
              width: "128px",
              padding: "8px 12px 8px 0",
              verticalAlign: "top",
              fontSize: "13px",
              lineHeight: "20px",
              color: colors.muted,
              fontWeight: 600,
            }}
          >
            {`${fact.label}: `}
          </Column>
          <Column
            data-text="inline"
            className="sb-text"
            style={{
              padding: "8px 0",
              verticalAlign: "top",
              fontSize: "14px",
              lineHeight: "20px",
              color: colors.text,
              overflowWrap: "anywhere",
              wordBreak: "break-word",
            }}
          >
            {keepUtcTogether(fact.value)}
          </Column>
        </Row>
      ))}
    </Section>
  );
}
