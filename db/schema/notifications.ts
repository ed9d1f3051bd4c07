import { sql } from "drizzle-orm";
import {
  sqliteTable,
  text,
  integer,
  index,
  primaryKey,
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
    // mapping digests (SPEC R23): open until windowClosesAt, then planned into messages
    windowClosesAt: integer("window_closes_at", { mode: "timestamp_ms" }),
    // what merges into one digest: "{direction}:{object}" (the email speaks of one of each)
    digestKey: text("digest_key"),
    digestStatus: text("digest_status", { enum: ["open", "closed"] }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("notifications_company_created").on(t.companyId, t.createdAt),
    index("notifications_event").on(t.eventId),
    index("notifications_company_provider_created").on(t.companyId, t.provider, t.createdAt),
    // At most ONE open digest per integration and key: concurrent first events cannot open two.
    uniqueIndex("notifications_open_digest")
      .on(t.companyId, t.provider, t.digestKey)
      .where(sql`digest_status = 'open'`),
  ],
);

/** The events merged into a digest notification (its first one is also notifications.event_id). */
export const notificationEvents = sqliteTable(
  "notification_events",
  {
    notificationId: text("notification_id")
      .notNull()
      .references(() => notifications.id),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id),
  },
  (t) => [primaryKey({ columns: [t.notificationId, t.eventId] }), index("notification_events_event").on(t.eventId)],
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
    // The delivery log pages newest first by (planned_at, id) within a company; one index per
    // equality filter keeps each filtered first page a short index range scan (no sort).
    index("messages_company_planned").on(t.companyId, t.plannedAt, t.id),
    index("messages_company_kind_planned").on(t.companyId, t.kind, t.plannedAt, t.id),
    index("messages_company_provider_planned").on(t.companyId, t.provider, t.plannedAt, t.id),
    index("messages_company_status_planned").on(t.companyId, t.status, t.plannedAt, t.id),
    index("messages_notification").on(t.notificationId),
    uniqueIndex("messages_provider_id").on(t.providerMessageId),
  ],
);

/**
 * One row per address a message went to (To and BCC), lower-cased, for the
 * delivery log's recipient filter: an index range on (company, email,
 * planned_at) pages as fast as the unfiltered log, where json_each over
 * messages.to would scan every message. Kept in step with `messages` by
 * triggers (migration 0002), so every insert path — planner, retries,
 * bulk loads — maintains it without knowing it exists.
 */
export const messageRecipients = sqliteTable(
  "message_recipients",
  {
    // no foreign key: a derived index the triggers maintain, deleted before its message
    messageId: text("message_id").notNull(),
    email: text("email").notNull(),
    companyId: text("company_id").notNull(),
    plannedAt: integer("planned_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.messageId, t.email] }),
    index("message_recipients_company_email_planned").on(t.companyId, t.email, t.plannedAt, t.messageId),
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
    status: text("status", { enum: ["pending", "done", "cancelled", "failed"] })
      .notNull()
      .default("pending"),
    // a job whose handler threw is retried a few times, then left `failed` with its error
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    doneAt: integer("done_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("scheduled_jobs_due").on(t.status, t.dueAt),
    index("scheduled_jobs_notification").on(t.notificationId),
  ],
);

/** Provider delivery webhooks, de-duplicated by their id (SPEC R26), kept as the message's delivery history. */
export const providerWebhooks = sqliteTable(
  "provider_webhooks",
  {
    id: text("id").primaryKey(),
    type: text("type").notNull(),
    receivedAt: integer("received_at", { mode: "timestamp_ms" }).notNull(),
    // null when no message matched the provider's email id (another sender's mail, or one we purged)
    messageId: text("message_id"),
    occurredAt: integer("occurred_at", { mode: "timestamp_ms" }),
    // what the event said, e.g. the bounce's type and message
    detail: text("detail", { mode: "json" }).$type<Record<string, unknown>>(),
  },
  (t) => [index("provider_webhooks_message").on(t.messageId, t.receivedAt)],
);

/**
 * The latest bounce per address and company (SPEC R26), kept by the delivery
 * webhook when the provider's event names the address, so Report settings
 * reads one row per bounced person instead of searching the messages.
 */
export const recipientBounces = sqliteTable(
  "recipient_bounces",
  {
    companyId: text("company_id")
      .notNull()
      .references(() => companies.id),
    email: text("email").notNull(), // lower-case
    bouncedAt: integer("bounced_at", { mode: "timestamp_ms" }).notNull(),
    messageId: text("message_id").notNull(),
    description: text("description"), // e.g. "Permanent (General): 550 5.1.1 user unknown"
  },
  (t) => [primaryKey({ columns: [t.companyId, t.email] })],
);

export type EventRow = typeof events.$inferSelect;
export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = typeof notifications.$inferInsert;
export type MessageRow = typeof messages.$inferSelect;
export type NewMessage = typeof messages.$inferInsert;
export type MessageBody = typeof messageBodies.$inferSelect;
export type MessageAttempt = typeof messageAttempts.$inferSelect;
export type ScheduledJob = typeof scheduledJobs.$inferSelect;
export type ProviderWebhook = typeof providerWebhooks.$inferSelect;
