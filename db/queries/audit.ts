import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { auditLog, type AuditRow } from "@/db/schema";
import { preparedInsert } from "./prepared";
import type { Executor } from "./tx";

/*
 * The audit log (SPEC R8, R11). `insertAudit` takes the transaction of the
 * change it describes, so the row commits or rolls back with that change.
 */

export type AuditActor =
  | { type: "user"; id: string; label: string }
  | { type: "event"; id: string; label: string }
  | { type: "system"; id?: string; label: string };

const insertAuditRow = preparedInsert(auditLog);

export function insertAudit({
  companyId,
  actor,
  action,
  entity,
  before,
  after,
  at = new Date(),
}: {
  tx: Executor;
  companyId: string;
  actor: AuditActor;
  action: string;
  entity: string;
  before: unknown;
  after: unknown;
  at?: Date;
}): void {
  insertAuditRow({
    companyId,
    actorType: actor.type,
    actorId: actor.id ?? null,
    actorLabel: actor.label,
    action,
    entity,
    before: before ?? null,
    after: after ?? null,
    createdAt: at,
  });
}

/** Newest first, one company only. */
export function listRecentAudit({
  companyId,
  entity,
  limit = 20,
}: {
  companyId: string;
  entity?: string;
  limit?: number;
}): AuditRow[] {
  return db
    .select()
    .from(auditLog)
    .where(entity ? and(eq(auditLog.companyId, companyId), eq(auditLog.entity, entity)) : eq(auditLog.companyId, companyId))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(Math.min(Math.max(limit, 1), 200))
    .all();
}
