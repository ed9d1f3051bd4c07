import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";

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

export function listCompanyAdmins({ companyId }: { companyId: string }) {
  return db
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.companyId, companyId), eq(users.role, "company_admin"), eq(users.active, true)))
    .orderBy(asc(users.name))
    .all();
}
