import type { MessageStatus } from "@/db/schema";

/*
 * What the provider's delivery webhooks do to a message (docs/product R26), as pure
 * functions. Webhooks arrive late, twice, and out of order, so a status only
 * moves forward: delivery_delayed < delivered < complained < bounced. A
 * "delayed" that arrives after "delivered" changes nothing; a complaint
 * after delivery does (the recipient marked it as spam); a bounce wins.
 */

export const DELIVERY_EVENT_STATUS = {
  "email.delivered": "delivered",
  "email.bounced": "bounced",
  "email.complained": "complained",
  "email.delivery_delayed": "delivery_delayed",
} as const satisfies Record<string, MessageStatus>;

export type DeliveryEventType = keyof typeof DELIVERY_EVENT_STATUS;

const RANK: Record<MessageStatus, number> = {
  queued: 0,
  failed: 0, // a crash after the provider took it: its webhook is the truth
  sent: 1,
  delivery_delayed: 2,
  delivered: 3,
  complained: 4,
  bounced: 5,
};

export function isDeliveryEventType(type: string): type is DeliveryEventType {
  return Object.hasOwn(DELIVERY_EVENT_STATUS, type);
}

/** The message's status after this event, or null when it stays as it is. */
export function nextDeliveryStatus(current: MessageStatus, type: DeliveryEventType): MessageStatus | null {
  const next = DELIVERY_EVENT_STATUS[type];
  return RANK[next] > RANK[current] ? next : null;
}

/** Stored in messages.bounce_info (JSON text). */
export type BounceInfo = {
  at: string; // when the provider reported it (ISO)
  type?: string; // e.g. Permanent, Transient
  subType?: string; // e.g. General, Suppressed, MailboxFull
  message?: string;
  addresses: string[]; // the bounced addresses the event names (lower-case)
};

/**
 * Which of the message's addresses bounced, as far as the event says: the
 * addresses its bounce message mentions, else the event's single recipient.
 * An event for several recipients that names none leaves it unknown ([]),
 * rather than blaming everyone on the message.
 */
export function bouncedAddresses({ to, message, recipients }: { to: string[]; message?: string; recipients: string[] }): string[] {
  const ours = new Set(recipients.map((r) => r.trim().toLowerCase()));
  const listed = to.map((t) => t.trim().toLowerCase()).filter((t) => ours.has(t));
  const text = message?.toLowerCase() ?? "";
  const named = listed.filter((t) => text.includes(t));
  if (named.length > 0) return [...new Set(named)];
  return listed.length === 1 ? listed : [];
}

export function parseBounceInfo(stored: string | null): BounceInfo | null {
  if (!stored) return null;
  try {
    const value = JSON.parse(stored) as Partial<BounceInfo>;
    if (typeof value !== "object" || value === null || typeof value.at !== "string") return null;
    return {
      ...value,
      at: value.at,
      addresses: Array.isArray(value.addresses) ? value.addresses.filter((a) => typeof a === "string") : [],
    };
  } catch {
    return null;
  }
}

/** "Permanent (General): 550 5.1.1 user unknown" — how the app shows a bounce. */
export function describeBounce(info: BounceInfo): string {
  const kind = [info.type, info.subType ? `(${info.subType})` : null].filter(Boolean).join(" ");
  return [kind, info.message].filter(Boolean).join(": ") || "Bounced";
}
