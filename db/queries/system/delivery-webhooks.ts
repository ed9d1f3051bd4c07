import "server-only";
import { eq, lte } from "drizzle-orm";
import { messages, providerWebhooks, recipientBounces, type MessageStatus } from "@/db/schema";
import type { Executor } from "../tx";

/*
 * Resend's delivery webhooks (docs/product R26). Cross-company by nature — the
 * provider knows its email id, not our tenant — hence system/. The webhook id
 * is the primary key of provider_webhooks, so a redelivery, even a
 * concurrent one, collides in the database and changes nothing.
 */

/** Stores the webhook once; false when its id was already seen. */
export async function insertWebhookOnce({
  tx,
  row,
}: {
  tx: Executor;
  row: { id: string; type: string; receivedAt: Date; occurredAt: Date | null; detail: Record<string, unknown> };
}): Promise<boolean> {
  const stored = await tx
    .insert(providerWebhooks)
    .values(row)
    .onConflictDoNothing({ target: providerWebhooks.id })
    .returning({ id: providerWebhooks.id });
  return stored.length === 1;
}

export async function findMessageByProviderId({ tx, providerMessageId }: { tx: Executor; providerMessageId: string }) {
  const [row] = await tx
    .select({ id: messages.id, companyId: messages.companyId, status: messages.status, to: messages.to, bcc: messages.bcc })
    .from(messages)
    .where(eq(messages.providerMessageId, providerMessageId))
    .limit(1);
  return row;
}

export async function linkWebhookMessage({ tx, webhookId, messageId }: { tx: Executor; webhookId: string; messageId: string }) {
  await tx.update(providerWebhooks).set({ messageId }).where(eq(providerWebhooks.id, webhookId));
}

export async function setDeliveryStatus({
  tx,
  messageId,
  status,
  bounceInfo,
  at,
}: {
  tx: Executor;
  messageId: string;
  status: MessageStatus;
  bounceInfo?: string;
  at: Date;
}): Promise<void> {
  await tx
    .update(messages)
    .set({ status, updatedAt: at, ...(bounceInfo ? { bounceInfo } : {}) })
    .where(eq(messages.id, messageId));
}

/** Remembers the latest bounce of each named address for its company (Report settings shows it). */
export async function recordRecipientBounces({
  tx,
  companyId,
  addresses,
  at,
  messageId,
  description,
}: {
  tx: Executor;
  companyId: string;
  addresses: string[];
  at: Date;
  messageId: string;
  description: string;
}): Promise<void> {
  for (const email of addresses) {
    await tx
      .insert(recipientBounces)
      .values({ companyId, email, bouncedAt: at, messageId, description })
      .onConflictDoUpdate({
        target: [recipientBounces.companyId, recipientBounces.email],
        set: { bouncedAt: at, messageId, description },
        // an older bounce delivered late leaves the newer one in place
        setWhere: lte(recipientBounces.bouncedAt, at),
      });
  }
}
