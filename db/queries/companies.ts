import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { companies } from "@/db/schema";
import type { Executor } from "./tx";

/** One company by id; pass `tx` to read inside a transaction. */
export async function getCompany({ companyId, tx = db }: { companyId: string; tx?: Executor }) {
  const [company] = await tx.select().from(companies).where(eq(companies.id, companyId)).limit(1);
  return company;
}
