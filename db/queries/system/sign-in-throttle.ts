import "server-only";
import { and, asc, count, eq, gt, lt, lte } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { db } from "@/db/client";
import { signInFailures, type SignInScope } from "@/db/schema";
import { holdLocks } from "../locks";
import { transaction, type Executor } from "../tx";

/*
 * Sign-in failures per account and per address (lib/auth/sign-in-throttle.ts
 * holds the rule). Not scoped by company: an attempt names an email, which
 * may belong to no company at all. Every attempt is counted before its
 * password is checked, so parallel guesses cannot all slip under the limit.
 */

export type SignInKeys = { account: string; address: string };
export type SignInLimits = { windowMs: number; perAccount: number; perAddress: number };

export type Reservation = { ok: true; attemptId: string } | { ok: false; scope: SignInScope; retryAt: Date };

/** Counts an attempt against both keys, or says which key is locked and until when. */
export async function reserveSignInAttempt({
  keys,
  at,
  limits,
}: {
  keys: SignInKeys;
  at: Date;
  limits: SignInLimits;
}): Promise<Reservation> {
  return await transaction(async (tx): Promise<Reservation> => {
    // the count decides the insert: no other attempt on the same keys in between
    await holdLocks(tx, `sign-in:account:${keys.account}`, `sign-in:address:${keys.address}`);
    await tx.delete(signInFailures).where(lte(signInFailures.createdAt, new Date(at.getTime() - limits.windowMs)));
    for (const scope of ["account", "address"] as const) {
      const retryAt = await lockedUntil({ tx, scope, key: keys[scope], at, limits });
      if (retryAt) return { ok: false, scope, retryAt };
    }
    const attemptId = randomUUID();
    await tx.insert(signInFailures).values([
      { scope: "account", key: keys.account, attemptId, createdAt: at },
      { scope: "address", key: keys.address, attemptId, createdAt: at },
    ]);
    return { ok: true, attemptId };
  });
}

/** When a locked key may try again; null while it is under its limit. */
export async function lockedUntil({
  tx = db,
  scope,
  key,
  at,
  limits,
}: {
  tx?: Executor;
  scope: SignInScope;
  key: string;
  at: Date;
  limits: SignInLimits;
}): Promise<Date | null> {
  const max = scope === "account" ? limits.perAccount : limits.perAddress;
  const recent = await tx
    .select({ createdAt: signInFailures.createdAt })
    .from(signInFailures)
    .where(
      and(
        eq(signInFailures.scope, scope),
        eq(signInFailures.key, key),
        gt(signInFailures.createdAt, new Date(at.getTime() - limits.windowMs)),
      ),
    )
    .orderBy(asc(signInFailures.createdAt), asc(signInFailures.id));
  if (recent.length < max) return null;
  // the window has room again once enough of the oldest failures have aged out of it
  return new Date(recent[recent.length - max].createdAt.getTime() + limits.windowMs);
}

/** The attempt was not a wrong password after all (it succeeded, or never got to the check). */
export async function forgetSignInAttempt({ attemptId }: { attemptId: string }): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.attemptId, attemptId));
}

/** The account's password was proven: its earlier failures no longer count (the address's still do). */
export async function clearAccountFailures({ account }: { account: string }): Promise<void> {
  await db.delete(signInFailures).where(and(eq(signInFailures.scope, "account"), eq(signInFailures.key, account)));
}

/** How many of the account's failures in the window came before or with this attempt: the one at the limit starts the lock. */
export async function accountFailurePosition({
  attemptId,
  account,
  at,
  windowMs,
}: {
  attemptId: string;
  account: string;
  at: Date;
  windowMs: number;
}): Promise<number> {
  const [mine] = await db
    .select({ id: signInFailures.id })
    .from(signInFailures)
    .where(and(eq(signInFailures.attemptId, attemptId), eq(signInFailures.scope, "account")))
    .limit(1);
  if (!mine) return 0;
  const [row] = await db
    .select({ n: count() })
    .from(signInFailures)
    .where(
      and(
        eq(signInFailures.scope, "account"),
        eq(signInFailures.key, account),
        gt(signInFailures.createdAt, new Date(at.getTime() - windowMs)),
        lt(signInFailures.id, mine.id + 1),
      ),
    );
  return row?.n ?? 0;
}
