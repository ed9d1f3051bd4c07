import "server-only";
import { and, eq, isNull, lt } from "drizzle-orm";
import { db } from "@/db/client";
import { oauthSandboxCodes, type OAuthSandboxCode } from "@/db/schema";
import { transaction } from "../tx";

/*
 * The sandbox token endpoint (docs/product R36) is called server to server with
 * nothing but the code, like a real provider's: it finds the code across
 * companies, which is why this lives apart from the company-scoped queries.
 */

export type RedeemedCode = { outcome: "redeemed"; code: OAuthSandboxCode } | { outcome: "unknown" } | { outcome: "used" };

/** Marks a code used exactly once; a second presentation finds it used. */
export async function redeemSandboxCode({ code, now }: { code: string; now: Date }): Promise<RedeemedCode> {
  return await transaction(async (tx): Promise<RedeemedCode> => {
    const [row] = await tx.select().from(oauthSandboxCodes).where(eq(oauthSandboxCodes.code, code)).limit(1);
    if (!row) return { outcome: "unknown" };
    const claimed = await tx
      .update(oauthSandboxCodes)
      .set({ usedAt: now })
      .where(and(eq(oauthSandboxCodes.code, code), isNull(oauthSandboxCodes.usedAt)))
      .returning({ code: oauthSandboxCodes.code });
    return claimed.length === 1 ? { outcome: "redeemed", code: row } : { outcome: "used" };
  });
}

/** Codes live minutes; used ones are kept a day so a replay is reported as reuse, then dropped. */
export async function deleteStaleSandboxCodes({ before }: { before: Date }): Promise<void> {
  await db.delete(oauthSandboxCodes).where(lt(oauthSandboxCodes.expiresAt, before));
}
