import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { companies } from "./tenancy";

// ── Audit (written in the same transaction as the change) ─────────────────

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: text("company_id")
      .notNull()
      .references(() => companies.id),
    actorType: text("actor_type", { enum: ["user", "event", "system"] }).notNull(),
    actorId: text("actor_id"),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    before: text("before", { mode: "json" }).$type<unknown>(),
    after: text("after", { mode: "json" }).$type<unknown>(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("audit_company_created").on(t.companyId, t.createdAt)],
);

export type AuditRow = typeof auditLog.$inferSelect;
