import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { companies } from "@/db/schema";

export function getCompany({ companyId }: { companyId: string }) {
  return db.select().from(companies).where(eq(companies.id, companyId)).get();
}
