import "server-only";
import { and, eq, isNull, lt } from "drizzle-orm";
import { db } from "@/db/client";
import { integrations, oauthSandboxCodes, oauthStates } from "@/db/schema";
import type { Provider } from "@/lib/integrations/providers";
import type { Executor } from "./tx";

/*
 * OAuth connect / reconnect (docs/product R34–R37), always within one company: the
 * pending authorizations bound to an admin's session, the sandbox's one-time
 * codes as its consent page issues them, and the integration's credentials.
 */

export type NewOAuthState = typeof oauthStates.$inferInsert;

export async function insertOAuthState({ row }: { row: NewOAuthState }): Promise<void> {
  await db.insert(oauthStates).values(row);
}

/** Pending authorizations expire after 10 minutes; older rows only take space. */
export async function deleteExpiredOAuthStates({ companyId, before }: { companyId: string; before: Date }): Promise<void> {
  await db.delete(oauthStates).where(and(eq(oauthStates.companyId, companyId), lt(oauthStates.expiresAt, before)));
}

/** A state of the signed-in admin's company; another company's state is simply not found (R1). */
export async function getOAuthState({ companyId, state }: { companyId: string; state: string }) {
  const [row] = await db
    .select()
    .from(oauthStates)
    .where(and(eq(oauthStates.companyId, companyId), eq(oauthStates.state, state)))
    .limit(1);
  return row;
}

/** Marks the state used; false when another request consumed it first (a state completes once). */
export async function consumeOAuthState({ companyId, state, now }: { companyId: string; state: string; now: Date }): Promise<boolean> {
  const consumed = await db
    .update(oauthStates)
    .set({ usedAt: now })
    .where(and(eq(oauthStates.companyId, companyId), eq(oauthStates.state, state), isNull(oauthStates.usedAt)))
    .returning({ state: oauthStates.state });
  return consumed.length === 1;
}

export async function insertSandboxCode({ row }: { row: typeof oauthSandboxCodes.$inferInsert }): Promise<void> {
  await db.insert(oauthSandboxCodes).values(row);
}

/** What the callback needs of the integration, read inside its transaction. */
export async function getIntegrationCredentialsInfo({ tx, companyId, provider }: { tx: Executor; companyId: string; provider: Provider }) {
  const [row] = await tx
    .select({
      id: integrations.id,
      externalAccountId: integrations.externalAccountId,
      zohoDataCenter: integrations.zohoDataCenter,
      settings: integrations.settings,
    })
    .from(integrations)
    .where(and(eq(integrations.companyId, companyId), eq(integrations.provider, provider)))
    .limit(1);
  return row;
}

/** The integration's Zoho data centre, to preselect it when reconnecting. */
export async function getIntegrationDataCenter({ companyId, provider }: { companyId: string; provider: Provider }) {
  const [row] = await db
    .select({ zohoDataCenter: integrations.zohoDataCenter, externalAccountId: integrations.externalAccountId })
    .from(integrations)
    .where(and(eq(integrations.companyId, companyId), eq(integrations.provider, provider)))
    .limit(1);
  return row;
}

export async function saveIntegrationCredentials({
  tx,
  companyId,
  provider,
  values,
}: {
  tx: Executor;
  companyId: string;
  provider: Provider;
  values: {
    externalAccountId: string;
    zohoDataCenter: string | null;
    accessTokenEnc: string;
    refreshTokenEnc: string;
    tokenExpiresAt: Date | null;
    settings: unknown;
  };
}): Promise<void> {
  await tx
    .update(integrations)
    .set(values)
    .where(and(eq(integrations.companyId, companyId), eq(integrations.provider, provider)));
}
