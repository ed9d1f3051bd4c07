import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
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
