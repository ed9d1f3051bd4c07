import "server-only";
import { and, asc, count, desc, eq, gt, inArray, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { auditLog, type AuditRow } from "@/db/schema";
import { preparedInsert } from "./prepared";
import type { Executor } from "./tx";

/*
 * The audit log (docs/product R8, R11). `insertAudit` takes the transaction of the
 * change it describes, so the row commits or rolls back with that change.
 */

export type AuditActor =
  | { type: "user"; id: string; label: string }
  | { type: "event"; id: string; label: string }
  | { type: "system"; id?: string; label: string };

const insertAuditRow = preparedInsert(auditLog);

export async function insertAudit({
  tx,
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
}): Promise<void> {
  await insertAuditRow(tx, {
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
export async function listRecentAudit({
  companyId,
  entity,
  limit = 20,
}: {
  companyId: string;
  entity?: string;
  limit?: number;
}): Promise<AuditRow[]> {
  return await db
    .select()
    .from(auditLog)
    .where(entity ? and(eq(auditLog.companyId, companyId), eq(auditLog.entity, entity)) : eq(auditLog.companyId, companyId))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(Math.min(Math.max(limit, 1), 200));
}

function entityWhere(companyId: string, entity: string, actions?: readonly string[]): SQL {
  const scope = and(eq(auditLog.companyId, companyId), eq(auditLog.entity, entity))!;
  return actions ? and(scope, inArray(auditLog.action, [...actions]))! : scope;
}

/** The newest audit row of one entity (optionally only some of its actions); pass the save's `tx` to read it there. */
export async function latestAuditRow({
  tx = db,
  companyId,
  entity,
  actions,
}: {
  tx?: Executor;
  companyId: string;
  entity: string;
  actions?: readonly string[];
}): Promise<AuditRow | undefined> {
  const [row] = await tx
    .select()
    .from(auditLog)
    .where(entityWhere(companyId, entity, actions))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row;
}

export type AuditSince = { rows: AuditRow[]; count: number; latest: AuditRow };

/**
 * The audit rows of one entity recorded after the row `afterId`: the first
 * `limit` of them oldest first, how many there are, and the newest. Undefined
 * when there is none.
 */
export async function listAuditSince({
  tx = db,
  companyId,
  entity,
  actions,
  afterId,
  limit = 500,
}: {
  tx?: Executor;
  companyId: string;
  entity: string;
  actions?: readonly string[];
  afterId: number;
  limit?: number;
}): Promise<AuditSince | undefined> {
  const where = and(entityWhere(companyId, entity, actions), gt(auditLog.id, afterId));
  const rows = await tx.select().from(auditLog).where(where).orderBy(asc(auditLog.id)).limit(limit);
  if (rows.length === 0) return undefined;
  const latest = (await latestAuditRow({ tx, companyId, entity, actions }))!;
  if (rows.length < limit) return { rows, count: rows.length, latest };
  const [total] = await tx.select({ n: count() }).from(auditLog).where(where);
  return { rows, count: total?.n ?? rows.length, latest };
}
