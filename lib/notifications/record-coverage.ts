import type { NotificationKind } from "@/db/schema";
import { countOf, formatCount } from "./format-count";

/*
 * How many failed records a CRM reported against how many it detailed (docs/product
 * R23, R27, R28; docs/conventions.md rule 14). A worker may report `totalRecords: 250`
 * with five `errors`, or a sync with `failed: 16` and one `failures` entry:
 * only the detailed ones are stored, so only they can be listed, on the
 * records page or in its CSV. The email and the records page say so in the
 * same words, and a link to the records page names the rows it really holds.
 */

/** How many detailed records a mapping or sync email lists (R23); the records page has them all. */
export const RECORDS_IN_EMAIL = 25;

export type RecordCoverage = {
  reported: number; // the CRM's count of failed records
  detailed: number; // records it sent details for: every row of the records page
  listed: number; // rows shown in the email
};

/** Keeps the three counts consistent whatever a worker sent: listed ≤ detailed ≤ reported. */
export function coverageOf(reported: number, detailed: number, listed: number): RecordCoverage {
  const d = Math.max(0, detailed);
  return { reported: Math.max(reported, d), detailed: d, listed: Math.min(Math.max(0, listed), d) };
}

/** The CRM reported more failed records than it sent details for. */
export function isPartial(c: RecordCoverage): boolean {
  return c.reported > c.detailed;
}

type Nouns = { singular: string; plural: string };

/**
 * "HubSpot reported 250 failed contacts; details for 5 are below." — or, when
 * the email lists fewer than the records page holds, where the rest are.
 * Empty when every reported record is detailed.
 */
export function partialDetailSentence(c: RecordCoverage, crm: string, noun: Nouns, where: "email" | "page"): string {
  if (!isPartial(c)) return "";
  const reported = `${crm} reported ${formatCount(c.reported)} failed ${c.reported === 1 ? noun.singular : noun.plural}`;
  if (c.detailed === 0) return `${reported} without details, so none can be listed.`;
  const details = `details for ${formatCount(c.detailed)}`;
  if (where === "page" || c.listed >= c.detailed) return `${reported}; ${details} are below.`;
  return `${reported}; ${details} are in Switchboard, the first ${formatCount(c.listed)} below.`;
}

/** The text of a link to the records page: how many rows it opens, and that they are all the detailed ones. */
export function recordsLinkText(c: RecordCoverage, noun: Nouns): string {
  const rows = countOf(c.detailed, noun.singular, noun.plural);
  if (isPartial(c)) return `the ${rows} with details`;
  return c.detailed === 1 ? `the affected ${noun.singular}` : `all ${rows}`;
}

/**
 * The failed-record count a notification's stored props report: a mapping
 * email's (or an open digest's) `totalRecords`, a sync report's
 * `counts.failed`. Undefined for other kinds or props without one.
 */
export function reportedFailures(kind: NotificationKind, props: unknown): number | undefined {
  if (!props || typeof props !== "object") return undefined;
  if (kind === "mapping_errors") {
    const total = (props as { totalRecords?: unknown }).totalRecords;
    return typeof total === "number" ? total : undefined;
  }
  if (kind === "sync_report") {
    const failed = (props as { counts?: { failed?: unknown } }).counts?.failed;
    return typeof failed === "number" ? failed : undefined;
  }
  return undefined;
}

/** The noun a notification's records are counted in: contacts or leads, records or users. */
export function recordNouns(kind: NotificationKind, props: unknown): Nouns {
  const p = (props ?? {}) as { object?: unknown; operation?: unknown };
  if (kind === "mapping_errors")
    return p.object === "lead" ? { singular: "lead", plural: "leads" } : { singular: "contact", plural: "contacts" };
  if (kind === "sync_report" && p.operation === "users.sync") return { singular: "user", plural: "users" };
  return { singular: "record", plural: "records" };
}
