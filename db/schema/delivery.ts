import { sqliteTable, text, integer, index, primaryKey, uniqueIndex } from "drizzle-orm/sqlite-core";
import { PROVIDERS } from "../../lib/integrations/providers";
import { companies } from "./tenancy";
import { NOTIFICATION_KINDS, notifications } from "./notifications";

/*
 * Delivery (docs/product §5): the messages a notification becomes (≤ 50 recipients
 * each), the recipient index the delivery log filters on, the body rendered
 * once and sent on every attempt, each attempt, and what the provider later
 * reported (delivery webhooks, bounces). Rendered bodies live in their own
 * table so the hot `messages` table stays narrow for the delivery log.
 */

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

/** Where a message was handed over: Resend, or the local mailbox when no API key is set (lib/notifications/transport.ts). */
export const TRANSPORTS = ["resend", "mailbox"] as const;
export type TransportName = (typeof TRANSPORTS)[number];

export const ATTEMPT_OUTCOMES = ["sent", "retry", "rate_limited", "failed"] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

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
    preview: integer("preview", { mode: "boolean" }).notNull().default(false), // its notification's, for the log's badge and filter
    status: text("status", { enum: MESSAGE_STATUSES }).notNull().default("queued"),
    transport: text("transport", { enum: TRANSPORTS }),
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

/** Rendered once, sent identically on every attempt (docs/product R24, R25). */
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
    outcome: text("outcome", { enum: ATTEMPT_OUTCOMES }).notNull(),
    statusCode: integer("status_code"),
    error: text("error"),
    idempotencyKey: text("idempotency_key").notNull(),
    durationMs: integer("duration_ms"),
  },
  (t) => [index("message_attempts_message").on(t.messageId, t.at)],
);

/** Provider delivery webhooks, de-duplicated by their id (docs/product R26), kept as the message's delivery history. */
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
 * The latest bounce per address and company (docs/product R26), kept by the delivery
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

export type MessageRow = typeof messages.$inferSelect;
export type NewMessage = typeof messages.$inferInsert;
export type MessageBody = typeof messageBodies.$inferSelect;
export type MessageAttempt = typeof messageAttempts.$inferSelect;
export type ProviderWebhook = typeof providerWebhooks.$inferSelect;

/**
 * The provider's send budget, shared by every process that sends (docs/product R24): the
 * next free send slot and any pause a 429 asked for, one row per provider account. Each
 * send takes the next slot under a row lock, so N workers together keep to the provider's
 * rate instead of N times it (lib/notifications/send-pacer.ts).
 */
export const sendBudget = sqliteTable("send_budget", {
  key: text("key").primaryKey(),
  nextSlotAt: integer("next_slot_at", { mode: "timestamp_ms" }).notNull(),
  pausedUntil: integer("paused_until", { mode: "timestamp_ms" }).notNull(),
});
