import { pgTable, text, integer, bigint, boolean, jsonb, index, primaryKey, uniqueIndex } from "drizzle-orm/pg-core";
import { PROVIDERS } from "../../../lib/integrations/providers";
import { NOTIFICATION_KINDS } from "../notifications";
import { ATTEMPT_OUTCOMES, MESSAGE_STATUSES, TRANSPORTS } from "../delivery";
import { at } from "./columns";
import { companies } from "./tenancy";
import { notifications } from "./notifications";

// Delivery: the model and its reasons are documented in ../delivery.ts. message_recipients is
// kept in step with messages by triggers here too (migration 0001_message_recipients).

export const messages = pgTable(
  "messages",
  {
    id: text("id").primaryKey(),
    notificationId: text("notification_id")
      .notNull()
      .references(() => notifications.id),
    companyId: text("company_id")
      .notNull()
      .references(() => companies.id),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    provider: text("provider", { enum: PROVIDERS }),
    part: integer("part").notNull().default(1),
    to: jsonb("to").$type<string[]>().notNull(),
    bcc: text("bcc"),
    noRecipients: boolean("no_recipients").notNull().default(false),
    preview: boolean("preview").notNull().default(false),
    status: text("status", { enum: MESSAGE_STATUSES }).notNull().default("queued"),
    transport: text("transport", { enum: TRANSPORTS }),
    idempotencyKey: text("idempotency_key").notNull(),
    retryCount: integer("retry_count").notNull().default(0),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: at("next_attempt_at"),
    leaseOwner: text("lease_owner"),
    leaseUntil: at("lease_until"),
    providerMessageId: text("provider_message_id"),
    lastError: text("last_error"),
    subject: text("subject"),
    bounceInfo: text("bounce_info"),
    plannedAt: at("planned_at").notNull(),
    sentAt: at("sent_at"),
    updatedAt: at("updated_at").notNull(),
  },
  (t) => [
    index("messages_due").on(t.status, t.nextAttemptAt),
    index("messages_company_planned").on(t.companyId, t.plannedAt, t.id),
    index("messages_company_kind_planned").on(t.companyId, t.kind, t.plannedAt, t.id),
    index("messages_company_provider_planned").on(t.companyId, t.provider, t.plannedAt, t.id),
    index("messages_company_status_planned").on(t.companyId, t.status, t.plannedAt, t.id),
    index("messages_notification").on(t.notificationId),
    uniqueIndex("messages_provider_id").on(t.providerMessageId),
  ],
);

export const messageRecipients = pgTable(
  "message_recipients",
  {
    messageId: text("message_id").notNull(),
    email: text("email").notNull(),
    companyId: text("company_id").notNull(),
    plannedAt: at("planned_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.messageId, t.email] }),
    index("message_recipients_company_email_planned").on(t.companyId, t.email, t.plannedAt, t.messageId),
  ],
);

export const messageBodies = pgTable("message_bodies", {
  messageId: text("message_id")
    .primaryKey()
    .references(() => messages.id),
  subject: text("subject").notNull(),
  html: text("html").notNull(),
  text: text("text").notNull(),
  from: text("from").notNull(),
  renderedAt: at("rendered_at").notNull(),
});

export const messageAttempts = pgTable(
  "message_attempts",
  {
    // one row per send attempt, never reused: 64-bit so a busy deployment cannot run out
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    messageId: text("message_id")
      .notNull()
      .references(() => messages.id),
    at: at("at").notNull(),
    outcome: text("outcome", { enum: ATTEMPT_OUTCOMES }).notNull(),
    statusCode: integer("status_code"),
    error: text("error"),
    idempotencyKey: text("idempotency_key").notNull(),
    // one HTTP request's milliseconds: far below 2^31
    durationMs: integer("duration_ms"),
  },
  (t) => [index("message_attempts_message").on(t.messageId, t.at)],
);

export const providerWebhooks = pgTable(
  "provider_webhooks",
  {
    id: text("id").primaryKey(),
    type: text("type").notNull(),
    receivedAt: at("received_at").notNull(),
    messageId: text("message_id"),
    occurredAt: at("occurred_at"),
    detail: jsonb("detail").$type<Record<string, unknown>>(),
  },
  (t) => [index("provider_webhooks_message").on(t.messageId, t.receivedAt)],
);

export const recipientBounces = pgTable(
  "recipient_bounces",
  {
    companyId: text("company_id")
      .notNull()
      .references(() => companies.id),
    email: text("email").notNull(),
    bouncedAt: at("bounced_at").notNull(),
    messageId: text("message_id").notNull(),
    description: text("description"),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.email] })],
);

export const sendBudget = pgTable("send_budget", {
  key: text("key").primaryKey(),
  nextSlotAt: at("next_slot_at").notNull(),
  pausedUntil: at("paused_until").notNull(),
});
