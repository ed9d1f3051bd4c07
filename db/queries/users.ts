import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { insertAudit, type AuditActor } from "./audit";
import { preparedOnce } from "./prepared";

export function findUserByEmail({ email }: { email: string }) {
  return db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .get();
}

export function getUserById({ id }: { id: string }) {
  return db.select().from(users).where(eq(users.id, id)).get();
}

/** All users of one company, for pickers and recipient resolution. */
export function listCompanyUsers({ companyId }: { companyId: string }) {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      active: users.active,
    })
    .from(users)
    .where(eq(users.companyId, companyId))
    .orderBy(asc(users.name))
    .all();
}

// Prepared once: every re-auth alert names the admins who can reconnect.
const companyAdminsOf = preparedOnce((d) =>
  d
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.companyId, sql.placeholder("companyId")), eq(users.role, "company_admin"), eq(users.active, true)))
    .orderBy(asc(users.name))
    .prepare(),
);

export function listCompanyAdmins({ companyId }: { companyId: string }) {
  return companyAdminsOf().all({ companyId });
}

/** Ends every session of a user (a deactivated user keeps none). */
export function revokeUserSessions({ userId }: { userId: string }): number {
  return db.delete(sessions).where(eq(sessions.userId, userId)).run().changes;
}

/**
 * Deactivates a user of the company and ends their sessions, with the audit
 * row, in one transaction. Null when the company has no such user.
 */
export function deactivateUser({
  companyId,
  userId,
  actor,
  at = new Date(),
}: {
  companyId: string;
  userId: string;
  actor: AuditActor;
  at?: Date;
}): { sessionsEnded: number } | null {
  return db.transaction((tx) => {
    const user = tx
      .select()
      .from(users)
      .where(and(eq(users.id, userId), eq(users.companyId, companyId)))
      .get();
    if (!user) return null;
    if (user.active) tx.update(users).set({ active: false, updatedAt: at }).where(eq(users.id, userId)).run();
    const ended = tx.delete(sessions).where(eq(sessions.userId, userId)).run().changes;
    insertAudit({
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
