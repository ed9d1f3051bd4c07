import type { MessageStatus } from "@/db/schema";

/*
 * How message statuses read in the app (delivery log, integration timeline).
 * Kinds' labels are in their registry entries (kinds.ts); this module imports
 * no template, so client components may use it.
 */

export const STATUS_LABELS: Record<MessageStatus, string> = {
  queued: "Queued",
  sent: "Sent",
  failed: "Failed",
  delivered: "Delivered",
  bounced: "Bounced",
  complained: "Complained",
  delivery_delayed: "Delivery delayed",
};

export const STATUS_TONES: Record<MessageStatus, "neutral" | "success" | "warning" | "danger" | "info"> = {
  queued: "info",
  sent: "success",
  delivered: "success",
  failed: "danger",
  bounced: "danger",
  complained: "warning",
  delivery_delayed: "warning",
};

/** "Sent" for one message; "2 sent, 1 failed" for a notification split into several. */
export function summarizeStatuses(statuses: MessageStatus[]): string {
  if (statuses.length === 1) return STATUS_LABELS[statuses[0]];
  const counts = new Map<MessageStatus, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].map(([s, c]) => `${c} ${STATUS_LABELS[s].toLowerCase()}`).join(", ");
}

/** The most pressing status among a notification's messages, for its badge's colour. */
export function worstStatus(statuses: MessageStatus[]): MessageStatus | null {
  const order: MessageStatus[] = ["failed", "bounced", "complained", "delivery_delayed", "queued", "sent", "delivered"];
  return order.find((s) => statuses.includes(s)) ?? null;
}
