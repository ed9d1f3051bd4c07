import "server-only";
import { and, count, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { db } from "@/db/client";
import { engine } from "@/db/engine";
import { messageRecipients, messages } from "@/db/schema";
import type { LogQuery } from "@/lib/notifications/delivery-log-filters";
import { encodeCursor, type MessageCursor } from "./messages";

/*
 * The delivery log (docs/product R27): messages of one company, newest first,
 * filtered and paginated by keyset on (planned_at, id) — never OFFSET, so a
 * page costs the same on the first screen and the thousandth, and messages
 * planned while someone pages land before page one instead of shifting the
 * pages after it.
 *
 * Which index serves which query (db/schema/delivery.ts):
 *   no filter / date only      messages_company_planned            (company, planned_at, id)
 *   type / CRM / status        messages_company_{kind,provider,status}_planned
 *   recipient                  message_recipients_company_email_planned, then messages by id
 *   recipient + rare status    the status index, each row's recipient probed by primary key
 * Each is a range scan in the page's order that stops after limit + 1 rows;
 * a second equality filter is checked on the rows the index yields. The
 * recipient filter has its own table (kept by triggers) because json_each
 * over messages.to cannot be indexed: at 1M messages it would read them all.
 */

const columns = {
  id: messages.id,
  notificationId: messages.notificationId,
  kind: messages.kind,
  provider: messages.provider,
  part: messages.part,
  to: messages.to,
  bcc: messages.bcc,
  noRecipients: messages.noRecipients,
  preview: messages.preview,
  status: messages.status,
  subject: messages.subject,
  attempts: messages.attempts,
  retryCount: messages.retryCount,
  lastError: messages.lastError,
  plannedAt: messages.plannedAt,
  sentAt: messages.sentAt,
};

/**
 * Statuses that are a small share of all messages. With one of them AND a
 * recipient, walking the status index and probing each row's recipient
 * (message_recipients' primary key) reads far fewer rows than walking the
 * recipient's index — the people who get reports get nearly every message —
 * and it keeps "how many failed for this address" cheap at any size.
 */
const RARE_STATUSES: ReadonlySet<string> = new Set(["failed", "bounced", "complained", "delivery_delayed", "queued"]);

/**
 * `column = value` with the column's index kept out of the planner's choice. SQLite has no
 * statistics to tell a rare status from a common one, so it is steered: the unary `+` is a no-op
 * on the value that hides the index. PostgreSQL has no unary `+` on text and needs no steering:
 * ANALYZE tells it how rare a status is, and it picks among the same indexes itself.
 */
const equalsUnindexed: (column: SQLiteColumn, value: string) => SQL =
  engine === "postgres" ? (column, value) => eq(column, value) : (column, value) => sql`+${column} = ${value}`;

/** Conditions on `messages` for every filter but the recipient (which has its own table). */
function messageFilters(companyId: string, query: LogQuery): SQL[] {
  // A rare status leads when there is one; a common status never does when a type or CRM can.
  const rare = !!query.status && RARE_STATUSES.has(query.status);
  const follow = (column: SQLiteColumn, value: string, demote: boolean) => (demote ? equalsUnindexed(column, value) : eq(column, value));
  return [
    eq(messages.companyId, companyId),
    query.kind ? follow(messages.kind, query.kind, rare) : undefined,
    query.provider ? follow(messages.provider, query.provider, rare) : undefined,
    query.status ? follow(messages.status, query.status, !rare && !!(query.kind || query.provider)) : undefined,
    // previews are few: checked on the rows whichever index leads, so a page still stops after limit + 1
    query.previews === "hide" ? eq(messages.preview, false) : undefined,
  ].filter((c): c is SQL => c !== undefined);
}

/** Keyset and date range on the (planned_at, id) pair the page is ordered by. */
function pageBounds(at: SQLiteColumn, id: SQLiteColumn, query: LogQuery, before?: MessageCursor | null): SQL[] {
  return [
    query.since ? gte(at, query.since) : undefined,
    query.until ? lt(at, query.until) : undefined,
    // a row-value comparison walks the index from the cursor on; the time is bound as the column stores it
    before ? sql`(${at}, ${id}) < (${sql.param(before.at, at)}, ${before.id})` : undefined,
  ].filter((c): c is SQL => c !== undefined);
}

/** Which index leads, and the conditions and order that go with it. */
function plan(companyId: string, query: LogQuery, before: MessageCursor | null | undefined) {
  if (query.recipient && !(query.status && RARE_STATUSES.has(query.status))) {
    return {
      byRecipient: true,
      where: and(
        eq(messageRecipients.companyId, companyId),
        eq(messageRecipients.email, query.recipient),
        ...pageBounds(messageRecipients.plannedAt, messageRecipients.messageId, query, before),
        ...messageFilters(companyId, query),
      ),
      order: [desc(messageRecipients.plannedAt), desc(messageRecipients.messageId)],
    };
  }
  const recipient = query.recipient
    ? [sql`exists (select 1 from ${messageRecipients} r where r.message_id = ${messages.id} and r.email = ${query.recipient})`]
    : [];
  return {
    byRecipient: false,
    where: and(...messageFilters(companyId, query), ...pageBounds(messages.plannedAt, messages.id, query, before), ...recipient),
    order: [desc(messages.plannedAt), desc(messages.id)],
  };
}

/** The page's statement (exported so tests can EXPLAIN it). */
export function deliveryLogStatement({
  companyId,
  query,
  before,
  limit,
}: {
  companyId: string;
  query: LogQuery;
  before?: MessageCursor | null;
  limit: number;
}) {
  const p = plan(companyId, query, before);
  return p.byRecipient
    ? db
        .select(columns)
        .from(messageRecipients)
        .innerJoin(messages, eq(messages.id, messageRecipients.messageId))
        .where(p.where)
        .orderBy(...p.order)
        .limit(limit)
    : db
        .select(columns)
        .from(messages)
        .where(p.where)
        .orderBy(...p.order)
        .limit(limit);
}

/** Ids only: read from the index alone when no filter needs the row, so a capped count stays cheap. */
function idStatement(companyId: string, query: LogQuery, limit: number) {
  const p = plan(companyId, query, null);
  return p.byRecipient
    ? db
        .select({ id: messageRecipients.messageId })
        .from(messageRecipients)
        .innerJoin(messages, eq(messages.id, messageRecipients.messageId))
        .where(p.where)
        .orderBy(...p.order)
        .limit(limit)
    : db
        .select({ id: messages.id })
        .from(messages)
        .where(p.where)
        .orderBy(...p.order)
        .limit(limit);
}

export async function listDeliveryLog({
  companyId,
  query,
  before,
  limit = 50,
}: {
  companyId: string;
  query: LogQuery;
  before?: MessageCursor | null;
  limit?: number;
}) {
  const rows = await deliveryLogStatement({ companyId, query, before, limit: limit + 1 });
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  const last = items.at(-1);
  return { items, next: more && last ? encodeCursor({ at: last.plannedAt, id: last.id }) : null };
}

export type DeliveryLogRow = Awaited<ReturnType<typeof listDeliveryLog>>["items"][number];

/**
 * The failed messages among the filters' matches, planned at or before
 * `plannedAtMost` when given — a bulk retry's snapshot: a message retried and
 * failed again meanwhile has a newer planned_at and is not taken twice.
 */
function failedQuery(query: LogQuery, plannedAtMost?: Date): LogQuery {
  const cap = plannedAtMost ? new Date(plannedAtMost.getTime() + 1) : undefined;
  const until = cap && (!query.until || cap < query.until) ? cap : query.until;
  return { ...query, status: "failed", ...(until ? { until } : {}) };
}

/**
 * How many failed messages match. With `cap`, counting stops after cap + 1
 * (the log says "1,000+"): a bounded walk down the same index as a page, so
 * the figure costs the same whatever the table's size.
 */
export async function countFailedMessages({
  companyId,
  query,
  plannedAtMost,
  cap,
}: {
  companyId: string;
  query: LogQuery;
  plannedAtMost?: Date;
  cap?: number;
}): Promise<number> {
  const failed = failedQuery(query, plannedAtMost);
  if (cap !== undefined) return (await idStatement(companyId, failed, cap + 1)).length;
  const recipient = failed.recipient
    ? [sql`exists (select 1 from ${messageRecipients} r where r.message_id = ${messages.id} and r.email = ${failed.recipient})`]
    : [];
  const [row] = await db
    .select({ n: count() })
    .from(messages)
    .where(and(...messageFilters(companyId, failed), ...pageBounds(messages.plannedAt, messages.id, failed), ...recipient));
  return row?.n ?? 0;
}

export async function listFailedMessageIds({
  companyId,
  query,
  plannedAtMost,
  limit,
}: {
  companyId: string;
  query: LogQuery;
  plannedAtMost: Date;
  limit: number;
}): Promise<string[]> {
  const rows = await idStatement(companyId, failedQuery(query, plannedAtMost), limit);
  return rows.map((r) => r.id);
}
