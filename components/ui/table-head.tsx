import type { ReactNode } from "react";

/*
 * The header row of the console's data tables (delivery log, Mailbox,
 * affected records, attempts): column headers with scope="col", in one place
 * so every table's headers read and line up alike. "page" is a full-width
 * table on a card (wider padding at the edges); "compact" a table inside a
 * card's content.
 */

const PAGE_HEAD = "border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600";
const COMPACT_HEAD = "text-xs uppercase tracking-wide text-slate-600";

function cellClass(variant: "page" | "compact", index: number, count: number): string {
  const last = index === count - 1;
  if (variant === "compact") return last ? "py-1.5 font-medium" : "py-1.5 pr-3 font-medium";
  return index === 0 || last ? "px-5 py-2.5 font-medium" : "px-3 py-2.5 font-medium";
}

export function TableHead({ columns, variant = "page" }: { columns: ReactNode[]; variant?: "page" | "compact" }) {
  return (
    <thead className={variant === "page" ? PAGE_HEAD : COMPACT_HEAD}>
      <tr>
        {columns.map((column, i) => (
          <th key={i} scope="col" className={cellClass(variant, i, columns.length)}>
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}
