import { sql } from "drizzle-orm";
import { sqliteTable, text, integer, index, primaryKey, uniqueIndex } from "drizzle-orm/sqlite-core";
import { PROVIDERS } from "../../lib/integrations/providers";
import { EVENT_TYPES } from "../../lib/integrations/ingest/event-types";
import { NO_EMAIL_REASONS } from "../../lib/integrations/ingest/no-email";
import { companies } from "./tenancy";

/*
 * Events in, messages out (docs/product §4–§5). An accepted event, its status change
 * and its planned notification are written in one transaction (the outbox).
 * A notification is what the admin thinks of as "one email"; it becomes one
 * or more messages (≤ 50 recipients each, ./delivery.ts). Durable timers
 * (re-auth reminders and deadlines, digest windows) live here too.
 */

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
    // why ingestion planned no email for it (lib/integrations/ingest/no-email.ts); null when it did, or waits in a digest
    noEmailReason: text("no_email_reason", { enum: NO_EMAIL_REASONS }),
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
    // an email gallery preview: sample data sent to its viewer; no integration's history includes it
    preview: integer("preview", { mode: "boolean" }).notNull().default(false),
    recordCount: integer("record_count").notNull().default(0),
    // mapping digests (docs/product R23): open until windowClosesAt, then planned into messages
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

/** Affected records of a mapping-error or sync notification (docs/product R27). */
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

/** Durable timers: re-auth reminders and deadlines, digest windows (docs/product R22, R23). */
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
    // paused: a re-auth reminder while its integration is disabled (resumed by Enable)
    status: text("status", { enum: ["pending", "paused", "done", "cancelled", "failed"] })
      .notNull()
      .default("pending"),
    // a job whose handler threw is retried a few times, then left `failed` with its error
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    doneAt: integer("done_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    // what the job needs when it runs, fixed when it was scheduled: a re-auth reminder repeats its alert's details
    payload: text("payload", { mode: "json" }).$type<unknown>(),
  },
  (t) => [index("scheduled_jobs_due").on(t.status, t.dueAt), index("scheduled_jobs_notification").on(t.notificationId)],
);

export type EventRow = typeof events.$inferSelect;
export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = typeof notifications.$inferInsert;
export type ScheduledJob = typeof scheduledJobs.$inferSelect;
