import { Column } from "@react-email/column";
import { Row } from "@react-email/row";
import { Section } from "@react-email/section";
import type { ReactNode } from "react";
import { colors } from "./theme";
import { SectionHeading } from "./typography";

/**
 * "What to do", as numbered steps. Numbers are real text ("1.") rather than
 * list markers, so they survive clients that strip list styles and the
 * plain-text version alike.
 */
export function ActionList({ title = "What to do", actions }: { title?: string; actions: ReactNode[] }) {
  return (
    <Section style={{ margin: "0 0 20px" }}>
      <SectionHeading>{title}</SectionHeading>
      {actions.map((action, index) => (
        <Row key={index} data-text="row">
          <Column
            data-text="inline"
            className="sb-text"
            style={{
              width: "28px",
              padding: "4px 0",
              verticalAlign: "top",
              fontSize: "15px",
              lineHeight: "24px",
              fontWeight: 700,
              color: colors.text,
            }}
          >
            {`${index + 1}. `}
          </Column>
          <Column
            data-text="inline"
            className="sb-text"
            style={{
              padding: "4px 0",
              verticalAlign: "top",
              fontSize: "15px",
              lineHeight: "24px",
              color: colors.text,
              overflowWrap: "anywhere",
              wordBreak: "break-word",
            }}
          >
            {action}
          </Column>
        </Row>
      ))}
    </Section>
  );
}
