import { z } from "zod";
import { transaction } from "@/db/queries/tx";
import { SVIX, verifyWebhookSignature } from "@/lib/http/webhook-verification";
import {
  findMessageByProviderId,
  insertWebhookOnce,
  linkWebhookMessage,
  recordRecipientBounces,
  setDeliveryStatus,
} from "@/db/queries/system/delivery-webhooks";
import { bouncedAddresses, describeBounce, isDeliveryEventType, nextDeliveryStatus, type BounceInfo } from "./delivery-status";

/*
 * Resend's delivery webhooks (docs/product R26; docs/conventions.md rule 8), signed with
 * Svix (lib/http/webhook-verification.ts). The raw bytes are verified before
 * anything is parsed; the svix-id de-duplicates (first delivery wins).
 */

export type Verified = { ok: true; id: string; text: string } | { ok: false; status: 400 | 401; error: string };

export function verifyDeliveryWebhook({ secret, headers, body }: { secret: string; headers: Headers; body: Uint8Array }): Verified {
  const verified = verifyWebhookSignature({ scheme: SVIX, secret, headers, body });
  // Resend reads only the status; these answers name the problem without field issues
  if (!verified.ok) return { ok: false, status: verified.rejection.status, error: verified.rejection.error };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return { ok: false, status: 400, error: "The body is not valid UTF-8." };
  }
  return { ok: true, id: verified.value.id, text };
}

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "not a date");

const eventSchema = z.object({
  type: z.string().min(1).max(100),
  created_at: isoDate.optional(),
  data: z
    .object({
      email_id: z.string().min(1).max(255).optional(),
      created_at: isoDate.optional(),
      to: z.array(z.string().max(320)).max(1_000).optional(),
      bounce: z
        .object({ message: z.string().max(5_000), type: z.string().max(100), subType: z.string().max(100) })
        .partial()
        .optional(),
    })
    .loose(),
});

export type DeliveryWebhookEvent = z.infer<typeof eventSchema>;

export type Decoded = { ok: true; event: DeliveryWebhookEvent } | { ok: false; issues: { path: string; message: string }[] };

export function decodeDeliveryWebhook(text: string): Decoded {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, issues: [{ path: "", message: "The body is not valid JSON." }] };
  }
  const parsed = eventSchema.safeParse(value);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) };
  }
  const { type, data } = parsed.data;
  if (isDeliveryEventType(type) && !data.email_id) return { ok: false, issues: [{ path: "data.email_id", message: "Required" }] };
  return { ok: true, event: parsed.data };
}

export type ApplyOutcome = "applied" | "unchanged" | "duplicate" | "ignored_type" | "unknown_message";

/** Records the webhook once and moves the message it names forward, in one transaction. */
export async function applyDeliveryWebhook({
  id,
  event,
  now,
}: {
  id: string;
  event: DeliveryWebhookEvent;
  now: Date;
}): Promise<ApplyOutcome> {
  const { type, data } = event;
  const occurred = data.created_at ?? event.created_at;
  const occurredAt = occurred ? new Date(occurred) : null;
  const detail = {
    ...(data.email_id ? { emailId: data.email_id } : {}),
    ...(data.to ? { to: data.to } : {}),
    ...(data.bounce ? { bounce: data.bounce } : {}),
  };
  return await transaction(async (tx): Promise<ApplyOutcome> => {
    if (!(await insertWebhookOnce({ tx, row: { id, type, receivedAt: now, occurredAt, detail } }))) return "duplicate";
    if (!isDeliveryEventType(type) || !data.email_id) return "ignored_type";
    const message = await findMessageByProviderId({ tx, providerMessageId: data.email_id });
    if (!message) return "unknown_message";
    await linkWebhookMessage({ tx, webhookId: id, messageId: message.id });
    const status = nextDeliveryStatus(message.status, type);
    if (!status) return "unchanged";
    let bounceInfo: string | undefined;
    if (status === "bounced") {
      const info: BounceInfo = {
        at: (occurredAt ?? now).toISOString(),
        ...(data.bounce?.type ? { type: data.bounce.type } : {}),
        ...(data.bounce?.subType ? { subType: data.bounce.subType } : {}),
        ...(data.bounce?.message ? { message: data.bounce.message } : {}),
        addresses: bouncedAddresses({
          to: data.to ?? [],
          message: data.bounce?.message,
          recipients: [...message.to, ...(message.bcc ? [message.bcc] : [])],
        }),
      };
      bounceInfo = JSON.stringify(info);
      await recordRecipientBounces({
        tx,
        companyId: message.companyId,
        addresses: info.addresses,
        at: new Date(info.at),
        messageId: message.id,
        description: describeBounce(info),
      });
    }
    await setDeliveryStatus({ tx, messageId: message.id, status, bounceInfo, at: now });
    return "applied";
  });
}
