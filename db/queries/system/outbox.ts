import "server-only";
import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { skipLocked } from "../locks";
import {
  messageAttempts,
  messageBodies,
  messages,
  notifications,
  type AttemptOutcome,
  type MessageStatus,
  type TransportName,
} from "@/db/schema";
import { transaction } from "../tx";

/*
 * The outbox worker's SQL. Cross-company by nature (one worker serves every
 * tenant), hence its place under system/: no page or action imports this.
 * The worker calls these outside any transaction; the two that write more
 * than one row open their own.
 */

/**
 * Leases up to `limit` due messages to `owner` in ONE statement, so two
 * workers (threads, processes, machines) can never claim the same row: SQLite
 * runs the UPDATE under its write lock; PostgreSQL's subquery skips the rows
 * another worker is claiming (`FOR UPDATE SKIP LOCKED`, ../locks.ts); on both,
 * the WHERE re-checks the lease.
 */
export async function claimDueMessages({ owner, now, leaseMs, limit }: { owner: string; now: Date; leaseMs: number; limit: number }) {
  const claimable = and(eq(messages.status, "queued"), or(isNull(messages.leaseUntil), lt(messages.leaseUntil, now)));
  const dueNow = and(claimable, lte(messages.nextAttemptAt, now));
  // An idle poll only reads: no write lock taken when nothing is due. Whatever runs between this read and
  // the claim, the claim's own WHERE decides.
  const [anyDue] = await db.select({ id: messages.id }).from(messages).where(dueNow).limit(1);
  if (!anyDue) return [];
  const due = skipLocked(
    db.select({ id: messages.id }).from(messages).where(dueNow).orderBy(asc(messages.nextAttemptAt), asc(messages.id)).limit(limit),
  );
  const claimed = await db
    .update(messages)
    .set({ leaseOwner: owner, leaseUntil: new Date(now.getTime() + leaseMs), updatedAt: now })
    .where(and(inArray(messages.id, due), claimable))
    .returning({
      id: messages.id,
      notificationId: messages.notificationId,
      kind: messages.kind,
      to: messages.to,
      bcc: messages.bcc,
      idempotencyKey: messages.idempotencyKey,
      attempts: messages.attempts,
      plannedAt: messages.plannedAt,
    });
  // RETURNING keeps no order on PostgreSQL: the batch goes out oldest first (ids begin with their planning time)
  return claimed.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export type ClaimedMessage = Awaited<ReturnType<typeof claimDueMessages>>[number];

/**
 * The body to send for a message in one query: its own stored body (`own`), else one already
 * rendered for another part of the same notification (same props, same email), else none.
 */
export async function getStoredBody({ messageId, notificationId }: { messageId: string; notificationId: string }) {
  const [row] = await db
    .select({
      messageId: messageBodies.messageId,
      subject: messageBodies.subject,
      html: messageBodies.html,
      text: messageBodies.text,
      from: messageBodies.from,
    })
    .from(messageBodies)
    .innerJoin(messages, eq(messages.id, messageBodies.messageId))
    .where(eq(messages.notificationId, notificationId))
    .orderBy(sql`case when ${messageBodies.messageId} = ${messageId} then 0 else 1 end`)
    .limit(1);
  if (!row) return undefined;
  const { messageId: owner, ...body } = row;
  return { own: owner === messageId, body };
}

export async function getNotificationProps({ notificationId }: { notificationId: string }) {
  const [row] = await db
    .select({ kind: notifications.kind, props: notifications.props })
    .from(notifications)
    .where(eq(notifications.id, notificationId))
    .limit(1);
  return row;
}

/** Stores the rendered body once; a body already stored wins, and is what gets sent. */
export async function storeMessageBody({
  messageId,
  body,
  at,
}: {
  messageId: string;
  body: { subject: string; html: string; text: string; from: string };
  at: Date;
}) {
  return await transaction(async (tx) => {
    const [inserted] = await tx
      .insert(messageBodies)
      .values({ messageId, ...body, renderedAt: at })
      .onConflictDoNothing()
      .returning();
    const stored = inserted ?? (await tx.select().from(messageBodies).where(eq(messageBodies.messageId, messageId)).limit(1))[0];
    await tx.update(messages).set({ subject: stored!.subject }).where(eq(messages.id, messageId));
    return stored!;
  });
}

/**
 * Records one attempt and the message's next state together. The update is
 * conditioned on still holding the lease, so a worker whose lease expired
 * cannot overwrite the state written by the worker that took over.
 */
export async function recordAttempt({
  messageId,
  owner,
  at,
  attempt,
  next,
}: {
  messageId: string;
  owner: string;
  at: Date;
  attempt: {
    outcome: AttemptOutcome;
    statusCode?: number | null;
    error?: string | null;
    idempotencyKey: string;
    durationMs: number | null;
  };
  next: {
    status: MessageStatus;
    attempts: number;
    nextAttemptAt: Date | null;
    lastError: string | null;
    transport?: TransportName;
    providerMessageId?: string;
    sentAt?: Date;
  };
}): Promise<boolean> {
  return await transaction(async (tx) => {
    await tx.insert(messageAttempts).values({
      messageId,
      at,
      outcome: attempt.outcome,
      statusCode: attempt.statusCode ?? null,
      error: attempt.error ?? null,
      idempotencyKey: attempt.idempotencyKey,
      durationMs: attempt.durationMs,
    });
    const updated = await tx
      .update(messages)
      .set({ ...next, leaseOwner: null, leaseUntil: null, updatedAt: at })
      .where(and(eq(messages.id, messageId), eq(messages.leaseOwner, owner)))
      .returning({ id: messages.id });
    return updated.length === 1;
  });
}
