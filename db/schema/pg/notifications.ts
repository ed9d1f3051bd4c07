import { sql } from "drizzle-orm";
import { pgTable, text, integer, bigint, boolean, jsonb, index, primaryKey, uniqueIndex } from "drizzle-orm/pg-core";
import { PROVIDERS } from "../../../lib/integrations/providers";
import { EVENT_TYPES } from "../../../lib/integrations/ingest/event-types";
import { NO_EMAIL_REASONS } from "../../../lib/integrations/ingest/no-email";
import * as sqlite from "../notifications";
import { at } from "./columns";
import { companies } from "./tenancy";

// Events in, messages out: the model and its reasons are documented in ../notifications.ts.

export const events = pgTable(
  "events",
  {
    id: text("id").primaryKey(),
    companyId: text("company_id")
      .notNull()
      .references(() => companies.id),
    provider: text("provider", { enum: PROVIDERS }).notNull(),
    type: text("type", { enum: EVENT_TYPES }).notNull(),
    occurredAt: at("occurred_at").notNull(),
    receivedAt: at("received_at").notNull(),
    body: text("body").notNull(),
    noEmailReason: text("no_email_reason", { enum: NO_EMAIL_REASONS }),
  },
  (t) => [index("events_company_provider_received").on(t.companyId, t.provider, t.receivedAt)],
);

export const notifications = pgTable(
  "notifications",
  {
    id: text("id").primaryKey(),
    companyId: text("company_id")
      .notNull()
      .references(() => companies.id),
    provider: text("provider", { enum: PROVIDERS }),
    kind: text("kind", { enum: sqlite.NOTIFICATION_KINDS }).notNull(),
    eventId: text("event_id").references(() => events.id),
    props: jsonb("props").$type<unknown>().notNull(),
    noRecipients: boolean("no_recipients").notNull().default(false),
    preview: boolean("preview").notNull().default(false),
    recordCount: integer("record_count").notNull().default(0),
    windowClosesAt: at("window_closes_at"),
    digestKey: text("digest_key"),
    digestStatus: text("digest_status", { enum: sqlite.notifications.digestStatus.enumValues }),
    createdAt: at("created_at").notNull(),
  },
  (t) => [
    index("notifications_company_created").on(t.companyId, t.createdAt),
    index("notifications_event").on(t.eventId),
    index("notifications_company_provider_created").on(t.companyId, t.provider, t.createdAt),
    uniqueIndex("notifications_open_digest")
      .on(t.companyId, t.provider, t.digestKey)
      .where(sql`digest_status = 'open'`),
  ],
);

export const notificationEvents = pgTable(
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

export const notificationRecords = pgTable(
  "notification_records",
  {
    // append-only and written per affected record: may pass 2^31 rows over a deployment's life
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
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

export const scheduledJobs = pgTable(
  "scheduled_jobs",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    companyId: text("company_id")
      .notNull()
      .references(() => companies.id),
    kind: text("kind", { enum: sqlite.scheduledJobs.kind.enumValues }).notNull(),
    // integrations.id is 32-bit on this engine too
    integrationId: integer("integration_id"),
    notificationId: text("notification_id"),
    dueAt: at("due_at").notNull(),
    status: text("status", { enum: sqlite.scheduledJobs.status.enumValues }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    doneAt: at("done_at"),
    createdAt: at("created_at").notNull(),
    payload: jsonb("payload").$type<unknown>(),
  },
  (t) => [index("scheduled_jobs_due").on(t.status, t.dueAt), index("scheduled_jobs_notification").on(t.notificationId)],
);
