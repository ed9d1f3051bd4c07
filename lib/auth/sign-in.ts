import "server-only";
import { APIError } from "better-auth/api";
import { auth } from "./auth";
import { accountKey, DEACTIVATED_MESSAGE, INVALID_CREDENTIALS_MESSAGE, lockedMessage, SIGN_IN_LIMITS } from "./sign-in-throttle";
import { clientAddress } from "@/lib/http/client-address";
import { now } from "@/lib/clock";
import { isStorageUnavailable } from "@/lib/storage-errors";
import { findUserByEmail } from "@/db/queries/users";
import { recordSignInLock } from "@/db/queries/sign-in-audit";
import {
  accountFailurePosition,
  clearAccountFailures,
  forgetSignInAttempt,
  lockedUntil,
  reserveSignInAttempt,
} from "@/db/queries/system/sign-in-throttle";

/*
 * The one path that checks a password (better-auth's own HTTP routes are not
 * exposed: app/api/auth). Order matters: the throttle first, then the
 * password, and only a proven password learns that an account is
 * deactivated — until then every answer reads and takes the same.
 */

export type SignInResult = { ok: true } | { ok: false; error: string };

export async function signInWithPassword({
  email,
  password,
  headers,
}: {
  email: string;
  password: string;
  headers: Headers;
}): Promise<SignInResult> {
  const at = now();
  const keys = { account: accountKey(email), address: clientAddress(headers) };
  const reservation = await reserveSignInAttempt({ keys, at, limits: SIGN_IN_LIMITS });
  if (!reservation.ok) return { ok: false, error: lockedMessage(reservation.scope, reservation.retryAt, at) };
  const { attemptId } = reservation;

  try {
    await auth.api.signInEmail({ body: { email, password }, headers });
  } catch (error) {
    if (!(error instanceof APIError) || isStorageUnavailable(error)) {
      // not a verdict on the password; forgetting it may fail on the same storage, which the caller reports
      try {
        await forgetSignInAttempt({ attemptId });
      } catch {}
      throw error;
    }
    if (error.body?.code === "FAILED_TO_CREATE_SESSION" && (await findUserByEmail({ email }))?.active === false) {
      // the password was right: only now may the answer say why there is no session
      await forgetSignInAttempt({ attemptId });
      return { ok: false, error: DEACTIVATED_MESSAGE };
    }
    if (
      (await accountFailurePosition({ attemptId, account: keys.account, at, windowMs: SIGN_IN_LIMITS.windowMs })) ===
      SIGN_IN_LIMITS.perAccount
    ) {
      const retryAt = (await lockedUntil({ scope: "account", key: keys.account, at, limits: SIGN_IN_LIMITS })) ?? at;
      await recordSignInLock({ email: keys.account, address: keys.address, failures: SIGN_IN_LIMITS.perAccount, retryAt, at });
      return { ok: false, error: lockedMessage("account", retryAt, at) };
    }
    return { ok: false, error: INVALID_CREDENTIALS_MESSAGE };
  }
  await forgetSignInAttempt({ attemptId });
  await clearAccountFailures({ account: keys.account });
  return { ok: true };
}
