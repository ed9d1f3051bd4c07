import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { insertAudit, type AuditActor } from "./audit";
import { transaction, type Executor } from "./tx";

/** The account an email names, any company; pass `tx` to read inside a transaction. */
export async function findUserByEmail({ email, tx = db }: { email: string; tx?: Executor }) {
  const [user] = await tx
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  return user;
}

export async function getUserById({ id }: { id: string }) {
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return user;
}

/** All users of one company, for pickers and recipient resolution. */
export async function listCompanyUsers({ companyId }: { companyId: string }) {
  return await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      active: users.active,
    })
    .from(users)
    .where(eq(users.companyId, companyId))
    .orderBy(asc(users.name));
}

/** Every re-auth alert names the admins who can reconnect, read on the transaction that plans it (`tx`). */
export async function listCompanyAdmins({ companyId, tx = db }: { companyId: string; tx?: Executor }) {
  return await tx
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.companyId, companyId), eq(users.role, "company_admin"), eq(users.active, true)))
    .orderBy(asc(users.name));
}

/** Ends every session of a user (a deactivated user keeps none). */
export async function revokeUserSessions({ userId }: { userId: string }): Promise<number> {
  const ended = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
  return ended.length;
}

/**
 * Deactivates a user of the company and ends their sessions, with the audit
 * row, in one transaction. Null when the company has no such user.
 */
export async function deactivateUser({
  companyId,
  userId,
  actor,
  at = new Date(),
}: {
  companyId: string;
  userId: string;
  actor: AuditActor;
  at?: Date;
}): Promise<{ sessionsEnded: number } | null> {
  return await transaction(async (tx) => {
    const [user] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, userId), eq(users.companyId, companyId)))
      .limit(1);
    if (!user) return null;
    if (user.active) await tx.update(users).set({ active: false, updatedAt: at }).where(eq(users.id, userId));
    const ended = (await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id })).length;
    await insertAudit({
      tx,
      companyId,
      actor,
      action: "user.deactivated",
      entity: `user:${userId}`,
      before: { email: user.email, active: user.active },
      after: { email: user.email, active: false, sessionsEnded: ended },
      at,
    });
    return { sessionsEnded: ended };
  });
}
