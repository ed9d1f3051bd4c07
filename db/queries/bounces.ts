import "server-only";
import { and, desc, eq, gte } from "drizzle-orm";
import { db } from "@/db/client";
import { recipientBounces } from "@/db/schema";

/*
 * Recent bounces of one company's report emails, by address (docs/product R26: shown
 * next to the recipient on Report settings). One row per bounced address,
 * kept by the delivery webhook, so this costs the same at any message volume.
 */

const WINDOW_MS = 30 * 24 * 3_600_000;

export async function listRecentBounces({ companyId, now = new Date() }: { companyId: string; now?: Date }) {
  return await db
    .select({ email: recipientBounces.email, at: recipientBounces.bouncedAt, description: recipientBounces.description })
    .from(recipientBounces)
    .where(and(eq(recipientBounces.companyId, companyId), gte(recipientBounces.bouncedAt, new Date(now.getTime() - WINDOW_MS))))
    .orderBy(desc(recipientBounces.bouncedAt))
    .limit(1_000);
}
