import type { MessageStatus, NotificationKind } from "@/db/schema";

/* How notification kinds and message statuses read in the app. */

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
