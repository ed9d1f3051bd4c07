import type { MessageStatus, NotificationKind } from "@/db/schema";

/* How notification kinds and message statuses read in the app (delivery log, integration timeline). */

export const KIND_LABELS: Record<NotificationKind, string> = {
  reauth_required: "Re-authentication required",
  reauth_reminder: "Re-authentication reminder",
  auth_restored: "Connection restored",
  mapping_errors: "Contact mapping errors",
  sync_report: "Data sync report",
  integration_enabled: "Integration enabled",
  integration_disabled: "Integration disabled",
  test: "Test email",
};

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
