import type { CopyResult, TableResult } from "./copy";

/* What db:copy prints: one line per table as it is done, then the verdict and the time taken. */

const COUNT_WIDTH = 12;

export function reportHeader(names: string[]): string {
  return `${"table".padEnd(nameWidth(names))}${"SQLite".padStart(COUNT_WIDTH)}${"PostgreSQL".padStart(COUNT_WIDTH)}`;
}

export function reportLine(result: TableResult, names: string[]): string {
  const mark = result.source === result.target ? "✓" : "✗";
  return `${result.name.padEnd(nameWidth(names))}${format(result.source).padStart(COUNT_WIDTH)}${format(result.target).padStart(COUNT_WIDTH)}  ${mark}`;
}

export function reportVerdict(result: CopyResult): string {
  const seconds = `${(result.elapsedMs / 1000).toFixed(1)} s`;
  if (result.ok) {
    const rows = result.tables.reduce((sum, table) => sum + table.target, 0);
    return `✓ ${result.tables.length} tables, ${format(rows)} rows copied; every count matches (${seconds}).`;
  }
  const differing = result.tables.filter((table) => table.source !== table.target);
  const listed = differing.map((table) => `${table.name} (SQLite ${format(table.source)}, PostgreSQL ${format(table.target)})`).join(", ");
  return (
    `✗ ${differing.length} table(s) differ: ${listed}. The copy was rolled back: the target holds the rows it held before (${seconds}).\n` +
    "See docs/operations/moving-to-postgresql.md, “When a count differs”."
  );
}

function nameWidth(names: string[]): number {
  return Math.max("table".length, ...names.map((name) => name.length)) + 2;
}

function format(n: number): string {
  return n.toLocaleString("en-US");
}
