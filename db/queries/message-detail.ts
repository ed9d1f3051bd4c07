import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { messageBodies, messages, providerWebhooks } from "@/db/schema";

/*
 * One notification's messages as its detail page shows them (docs/product R27): each
 * with its stored email, attempts and the provider's delivery events, always
 * within one company (R1): another company's ids find nothing.
 */

/** The messages of a notification with their stored bodies (null until rendered), part order. */
export async function listMessageDetails({ companyId, notificationId }: { companyId: string; notificationId: string }) {
  return await db
    .select({ message: messages, body: messageBodies })
    .from(messages)
    .leftJoin(messageBodies, eq(messageBodies.messageId, messages.id))
    .where(and(eq(messages.companyId, companyId), eq(messages.notificationId, notificationId)))
    .orderBy(asc(messages.part));
}

export type MessageDetail = Awaited<ReturnType<typeof listMessageDetails>>[number];

/** What the provider reported after sending (its webhooks), oldest first. */
export async function listDeliveryEvents({ companyId, messageId }: { companyId: string; messageId: string }) {
  return await db
    .select({
      id: providerWebhooks.id,
      type: providerWebhooks.type,
      receivedAt: providerWebhooks.receivedAt,
      occurredAt: providerWebhooks.occurredAt,
      detail: providerWebhooks.detail,
    })
    .from(providerWebhooks)
    .innerJoin(messages, eq(messages.id, providerWebhooks.messageId))
    .where(and(eq(messages.companyId, companyId), eq(providerWebhooks.messageId, messageId)))
    .orderBy(asc(providerWebhooks.receivedAt), asc(providerWebhooks.id));
}

/** A message id of the company → its notification, for links that carry a message id. */
export async function findMessageNotification({ companyId, messageId }: { companyId: string; messageId: string }) {
  const [row] = await db
    .select({ notificationId: messages.notificationId })
    .from(messages)
    .where(and(eq(messages.companyId, companyId), eq(messages.id, messageId)))
    .limit(1);
  return row?.notificationId;
}
