/* Percentiles and the one-line verdicts every benchmark prints. */

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export function summarize(values: number[]) {
  const sorted = values.slice().sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
  };
}

export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");

/** What a figure against its target prints: PASS or MISS. */
export const mark = (ok: boolean) => (ok ? "PASS" : "MISS");

/** "value (target ≥ 0.80) PASS" */
export function verdict(value: number, op: "≥" | "≤", target: number, digits = 2, unit = ""): string {
  const ok = op === "≥" ? value >= target : value <= target;
  return `${fmt(value, digits)}${unit}  (target ${op} ${target}${unit})  ${mark(ok)}`;
}

/** The engines' figures in columns, one row per measure: `rows` are [label, ...one cell per engine]. */
export function sideBySide(title: string, engines: string[], rows: string[][]): string {
  const table = [["", ...engines], ...rows];
  const widths = table[0].map((_, c) => Math.max(...table.map((r) => (r[c] ?? "").length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("   ");
  return [title, ...table.map((r) => `  ${line(r)}`)].join("\n");
}
