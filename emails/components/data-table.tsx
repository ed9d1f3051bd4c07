import type { ReactNode } from "react";
import { colors, fonts } from "./theme";

export type DataColumn = { header: string; width: string };
export type DataRow = { key: string; cells: ReactNode[] };

const cellBase = {
  padding: "8px 8px 8px 0",
  verticalAlign: "top",
  textAlign: "left",
  overflowWrap: "anywhere",
  wordBreak: "break-word",
} as const;

/**
 * A real data table (with header cells) for record lists. Column widths are
 * percentages so it narrows with the card instead of overflowing; on phones
 * (theme.ts, max-width 480px) each row's cells stack, because two columns at
 * 375 px break ids, emails and error codes mid-word. Clients without media
 * queries keep the two columns, where long tokens still wrap.
 */
export function DataTable({ columns, rows }: { columns: DataColumn[]; rows: DataRow[] }) {
  return (
    <table
      width="100%"
      cellPadding={0}
      cellSpacing={0}
      className="sb-table sb-rule"
      style={{ width: "100%", borderCollapse: "collapse", tableLayout: "fixed", margin: "0 0 12px" }}
    >
      <thead data-skip-in-text="true" className="sb-thead">
        <tr>
          {columns.map((column) => (
            <th
              key={column.header}
              className="sb-muted sb-rule"
              style={{
                ...cellBase,
                width: column.width,
                fontSize: "12px",
                lineHeight: "16px",
                fontWeight: 700,
                textTransform: "uppercase",
                letterSpacing: "0.4px",
                color: colors.muted,
                borderBottom: `2px solid ${colors.rule}`,
              }}
            >
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-text="record" className="sb-stack-row">
            {row.cells.map((cell, index) => (
              <td
                key={index}
                className={`sb-text sb-rule sb-stack ${index === 0 ? "sb-stack-first" : "sb-stack-next"}`}
                style={{
                  ...cellBase,
                  fontSize: "13px",
                  lineHeight: "19px",
                  color: colors.text,
                  borderBottom: `1px solid ${colors.rule}`,
                }}
              >
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A secondary line inside a cell: an id, an email, a code. */
export function CellDetail({ children, mono = false }: { children: ReactNode; mono?: boolean }) {
  return (
    <div
      className="sb-muted"
      style={{
        color: colors.muted,
        fontSize: "12px",
        lineHeight: "17px",
        fontFamily: mono ? fonts.mono : undefined,
      }}
    >
      {children}
    </div>
  );
}
