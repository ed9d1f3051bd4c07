import type { SignInScope } from "@/db/schema";
import type { SignInLimits } from "@/db/queries/system/sign-in-throttle";

/*
 * How many wrong passwords sign-in tolerates (docs/security/sign-in.md).
 * Per account: 5 in 15 minutes, then the account is locked until the oldest
 * of them is 15 minutes old — whoever asks, so a guesser gains nothing from
 * spreading over addresses. Per address: 20 in 15 minutes, so one client
 * cannot walk through many accounts either. A locked request is refused
 * before any password is checked, and the message is the same whether the
 * email belongs to an account or not.
 */
export const SIGN_IN_LIMITS: SignInLimits = {
  windowMs: 15 * 60_000,
  perAccount: 5,
  perAddress: 20,
};

/** The key an email is counted under: what better-auth looks the user up by. */
export const accountKey = (email: string) => email.trim().toLowerCase();

export function lockedMessage(scope: SignInScope, retryAt: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
  const wait = minutes === 1 ? "1 minute" : `${minutes} minutes`;
  return scope === "account"
    ? `Too many failed sign-in attempts for this email address. For its protection, sign-in is paused: try again in ${wait}.`
    : `Too many failed sign-in attempts from your network. Try again in ${wait}.`;
}

export const INVALID_CREDENTIALS_MESSAGE = "That email and password don't match an account. Check both and try again.";
export const DEACTIVATED_MESSAGE = "This account has been deactivated. Ask a company admin to restore access.";
