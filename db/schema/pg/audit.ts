import { pgTable, text, bigint, jsonb, index } from "drizzle-orm/pg-core";
import { auditLog as sqliteAuditLog } from "../audit";
import { at } from "./columns";
import { companies } from "./tenancy";

export const auditLog = pgTable(
  "audit_log",
  {
    // one row per change, kept: 64-bit so it cannot run out
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    companyId: text("company_id")
      .notNull()
      .references(() => companies.id),
    actorType: text("actor_type", { enum: sqliteAuditLog.actorType.enumValues }).notNull(),
    actorId: text("actor_id"),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    before: jsonb("before").$type<unknown>(),
    after: jsonb("after").$type<unknown>(),
    createdAt: at("created_at").notNull(),
  },
  (t) => [index("audit_company_created").on(t.companyId, t.createdAt)],
);
