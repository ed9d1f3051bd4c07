import "server-only";
import { and, asc, desc, eq, lt, or } from "drizzle-orm";
import { db } from "@/db/client";
import { messageAttempts, messageBodies, messages } from "@/db/schema";

/*
 * Stored messages as the mailbox and the delivery log show them, always
 * within one company (docs/product R1): another company's message id finds nothing.
 */

export type MessageCursor = { at: Date; id: string };

export function encodeCursor(c: MessageCursor): string {
  return `${c.at.getTime()}.${c.id}`;
}

/** A malformed cursor reads as "from the start" rather than an error. */
export function decodeCursor(value: string | undefined): MessageCursor | null {
  const match = value?.match(/^(\d{1,15})\.([\w-]{1,64})$/);
  return match ? { at: new Date(Number(match[1])), id: match[2] } : null;
}

const listColumns = {
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
  transport: messages.transport,
  subject: messages.subject,
  attempts: messages.attempts,
  lastError: messages.lastError,
  plannedAt: messages.plannedAt,
  sentAt: messages.sentAt,
};

/** Newest first, keyset-paginated on (planned_at, id) — the messages_company_planned index. */
export async function listCompanyMessages({
  companyId,
  before,
  limit = 50,
}: {
  companyId: string;
  before?: MessageCursor | null;
  limit?: number;
}) {
  const page = before
    ? and(
        eq(messages.companyId, companyId),
        or(lt(messages.plannedAt, before.at), and(eq(messages.plannedAt, before.at), lt(messages.id, before.id))),
      )
    : eq(messages.companyId, companyId);
  const rows = await db
    .select(listColumns)
    .from(messages)
    .where(page)
    .orderBy(desc(messages.plannedAt), desc(messages.id))
    .limit(limit + 1);
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  const last = items.at(-1);
  return { items, next: more && last ? encodeCursor({ at: last.plannedAt, id: last.id }) : null };
}

export type MessageListItem = Awaited<ReturnType<typeof listCompanyMessages>>["items"][number];

/** One message with its stored body (null until rendered), scoped to the company. */
export async function getCompanyMessage({ companyId, id }: { companyId: string; id: string }) {
  const [row] = await db
    .select({ message: messages, body: messageBodies })
    .from(messages)
    .leftJoin(messageBodies, eq(messageBodies.messageId, messages.id))
    .where(and(eq(messages.companyId, companyId), eq(messages.id, id)))
    .limit(1);
  return row ?? null;
}

export async function listMessageAttempts({ companyId, messageId }: { companyId: string; messageId: string }) {
  return await db
    .select({
      id: messageAttempts.id,
      at: messageAttempts.at,
      outcome: messageAttempts.outcome,
      statusCode: messageAttempts.statusCode,
      error: messageAttempts.error,
      idempotencyKey: messageAttempts.idempotencyKey,
      durationMs: messageAttempts.durationMs,
    })
    .from(messageAttempts)
    .innerJoin(messages, eq(messages.id, messageAttempts.messageId))
    .where(and(eq(messages.companyId, companyId), eq(messageAttempts.messageId, messageId)))
    .orderBy(asc(messageAttempts.at), asc(messageAttempts.id));
}
