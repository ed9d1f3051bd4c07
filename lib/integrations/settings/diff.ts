/*
 * What changed between two settings values, as flat "tab.field" paths. Used
 * for the audit row of a Save (before → after, only what changed) and by the
 * wizard to mark modified fields and tabs. Lists (filters, views, mapping
 * rows) compare as a whole: reordering or editing one row changes the list.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function flatten(value: unknown, prefix: string, out: Record<string, unknown>): void {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value as Record<string, Json>)) {
      flatten(inner, prefix ? `${prefix}.${key}` : key, out);
    }
    return;
  }
  out[prefix] = value;
}

export function flattenSettings(value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  flatten(value, "", out);
  return out;
}

export type SettingsDiff = { before: Record<string, unknown>; after: Record<string, unknown>; paths: string[] };

export function diffSettings(before: unknown, after: unknown): SettingsDiff {
  const a = flattenSettings(before);
  const b = flattenSettings(after);
  const paths = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((p) => !sameValue(a[p], b[p])).sort();
  return {
    paths,
    before: Object.fromEntries(paths.map((p) => [p, a[p] ?? null])),
    after: Object.fromEntries(paths.map((p) => [p, b[p] ?? null])),
  };
}
