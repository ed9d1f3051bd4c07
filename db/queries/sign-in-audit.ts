import "server-only";
import { db } from "@/db/client";
import { insertAudit } from "./audit";
import { findUserByEmail } from "./users";

/**
 * An account's sign-in was locked after repeated wrong passwords: audited in
 * the account's company. An email that names no account has no company to
 * tell, and nothing is written.
 */
export async function recordSignInLock({
  email,
  address,
  failures,
  retryAt,
  at,
}: {
  email: string;
  address: string;
  failures: number;
  retryAt: Date;
  at: Date;
}): Promise<void> {
  const user = await findUserByEmail({ email });
  if (!user) return;
  await insertAudit({
    tx: db,
    companyId: user.companyId,
    actor: { type: "system", label: `Sign-in protection (from ${address})` },
    action: "user.sign_in_locked",
    entity: `user:${user.id}`,
    before: null,
    after: { email: user.email, failures, lockedUntil: retryAt.toISOString(), address },
    at,
  });
}
