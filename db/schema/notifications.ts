import {
  sqliteTable,
  text,
  integer,
  index,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { companies, PROVIDERS } from "./tenancy";

/*
 * Events in, messages out (SPEC §4–§5). An accepted event, its status change
 * and its planned notification are written in one transaction (the outbox).
 * A notification is what the admin thinks of as "one email"; it becomes one
 * or more messages (≤ 50 recipients each). Rendered bodies live in their own
 * table so the hot `messages` table stays narrow for the delivery log.
 */

export const EVENT_TYPES = [
  "integration.reauth_required",
  "integration.auth_restored",
  "integration.enabled",
  "integration.disabled",
  "contacts.mapping_failed",
  "sync.completed",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const NOTIFICATION_KINDS = [
  "reauth_required",
  "reauth_reminder",
  "auth_restored",
  "mapping_errors",
  "sync_report",
  "integration_enabled",
  "integration_disabled",
  "test",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const MESSAGE_STATUSES = [
  "queued", // planned, waiting for its first or next attempt
  "sent", // accepted by the transport
  "failed", // gave up (final 4xx, attempts exhausted or 24 h passed)
  "delivered",
  "bounced",
  "complained",
  "delivery_delayed",
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const events = sqliteTable(
  "events",
  {
    id: text("id").primaryKey(), // the webhook-id; unique, so duplicates collide in the database
    companyId: text("company_id")
      .notNull()
      .references(() => companies.id),
    provider: text("provider", { enum: PROVIDERS }).notNull(),
    type: text("type", { enum: EVENT_TYPES }).notNull(),
    occurredAt: integer("occurred_at", { mode: "timestamp_ms" }).notNull(),
    receivedAt: integer("received_at", { mode: "timestamp_ms" }).notNull(),
    body: text("body").notNull(), // the first body, exactly as received
  },
  (t) => [index("events_company_provider_received").on(t.companyId, t.provider, t.receivedAt)],
);

export const notifications = sqliteTable(
  "notifications",
  {
    id: text("id").primaryKey(),
    companyId: text("company_id")
      .notNull()
      .references(() => companies.id),
    provider: text("provider", { enum: PROVIDERS }),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    eventId: text("event_id").references(() => events.id),
    // template props as planned in the ingestion transaction
    props: text("props", { mode: "json" }).$type<unknown>().notNull(),
    noRecipients: integer("no_recipients", { mode: "boolean" }).notNull().default(false),
    recordCount: integer("record_count").notNull().default(0),
    // mapping digests: open until windowClosesAt, then planned into messages
    windowClosesAt: integer("window_closes_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("notifications_company_created").on(t.companyId, t.createdAt),
    index("notifications_event").on(t.eventId),
  ],
);

/** Affected records of a mapping-error or sync notification (SPEC R27). */
export const notificationRecords = sqliteTable(
  "notification_records",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    notificationId: text("notification_id")
      .notNull()
      .references(() => notifications.id),
    recordId: text("record_id"),
    recordName: text("record_name"),
    recordEmail: text("record_email"),
    field: text("field"),
    crmProperty: text("crm_property"),
    code: text("code").notNull(),
    message: text("message").notNull(),
  },
  (t) => [index("notification_records_notification_code").on(t.notificationId, t.code)],
);

export const messages = sqliteTable(
  "messages",
  {
    id: text("id").primaryKey(),
    notificationId: text("notification_id")
      .notNull()
      .references(() => notifications.id),
    companyId: text("company_id")
      .notNull()
      .references(() => companies.id),
    // denormalised for the delivery log's filters
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    provider: text("provider", { enum: PROVIDERS }),
    part: integer("part").notNull().default(1), // 1..n when split (R21)
    to: text("to", { mode: "json" }).$type<string[]>().notNull(),
    bcc: text("bcc"), // on part 1 only
    noRecipients: integer("no_recipients", { mode: "boolean" }).notNull().default(false),
    status: text("status", { enum: MESSAGE_STATUSES }).notNull().default("queued"),
    transport: text("transport", { enum: ["resend", "mailbox"] }),
    idempotencyKey: text("idempotency_key").notNull(),
    retryCount: integer("retry_count").notNull().default(0), // manual retries
    attempts: integer("attempts").notNull().default(0), // counted attempts (429 excluded)
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }),
    leaseOwner: text("lease_owner"),
    leaseUntil: integer("lease_until", { mode: "timestamp_ms" }),
    providerMessageId: text("provider_message_id"),
    lastError: text("last_error"),
    subject: text("subject"), // copied from the body once rendered, for the log
    bounceInfo: text("bounce_info"),
    plannedAt: integer("planned_at", { mode: "timestamp_ms" }).notNull(),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("messages_due").on(t.status, t.nextAttemptAt),
    index("messages_company_planned").on(t.companyId, t.plannedAt, t.id),
    index("messages_notification").on(t.notificationId),
    uniqueIndex("messages_provider_id").on(t.providerMessageId),
  ],
);

/** Rendered once, sent identically on every attempt (SPEC R24, R25). */
export const messageBodies = sqliteTable("message_bodies", {
  messageId: text("message_id")
    .primaryKey()
    .references(() => messages.id),
  subject: text("subject").notNull(),
  html: text("html").notNull(),
  text: text("text").notNull(),
  from: text("from").notNull(),
  renderedAt: integer("rendered_at", { mode: "timestamp_ms" }).notNull(),
});

export const messageAttempts = sqliteTable(
  "message_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    messageId: text("message_id")
      .notNull()
      .references(() => messages.id),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    outcome: text("outcome", {
      enum: ["sent", "retry", "rate_limited", "failed"],
    }).notNull(),
    statusCode: integer("status_code"),
    error: text("error"),
    idempotencyKey: text("idempotency_key").notNull(),
    durationMs: integer("duration_ms"),
  },
  (t) => [index("message_attempts_message").on(t.messageId, t.at)],
);

/** Durable timers: re-auth reminders and deadlines, digest windows (SPEC R22, R23). */
export const scheduledJobs = sqliteTable(
  "scheduled_jobs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: text("company_id")
      .notNull()
      .references(() => companies.id),
    kind: text("kind", {
      enum: ["reauth_reminder", "reauth_deadline", "digest_close"],
    }).notNull(),
    integrationId: integer("integration_id"),
    notificationId: text("notification_id"),
    dueAt: integer("due_at", { mode: "timestamp_ms" }).notNull(),
    status: text("status", { enum: ["pending", "done", "cancelled"] })
      .notNull()
      .default("pending"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("scheduled_jobs_due").on(t.status, t.dueAt)],
);

/** Provider delivery webhooks, de-duplicated by their id (SPEC R26). */
export const providerWebhooks = sqliteTable("provider_webhooks", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  receivedAt: integer("received_at", { mode: "timestamp_ms" }).notNull(),
});

export type EventRow = typeof events.$inferSelect;
export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = typeof notifications.$inferInsert;
export type MessageRow = typeof messages.$inferSelect;
export type NewMessage = typeof messages.$inferInsert;
export type MessageBody = typeof messageBodies.$inferSelect;
export type MessageAttempt = typeof messageAttempts.$inferSelect;
export type ScheduledJob = typeof scheduledJobs.$inferSelect;
