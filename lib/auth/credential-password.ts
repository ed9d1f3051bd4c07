import { hashPassword } from "better-auth/crypto";

/*
 * Sign-in (lib/auth/auth.ts) leaves better-auth's password hashing at its
 * default, so it verifies a stored password with better-auth's own scrypt
 * format. Every account this app creates outside sign-up (the demo seed,
 * `npm run admin:create`) stores its password through here, in the row shape
 * sign-in looks for: provider "credential", account id = user id.
 */

export const hashSignInPassword = (password: string): Promise<string> => hashPassword(password);

/** better-auth's default `maxPasswordLength`: sign-in refuses a longer password before checking it. */
export const SIGN_IN_PASSWORD_MAX_LENGTH = 128;

export function credentialAccountRow({ userId, passwordHash, now }: { userId: string; passwordHash: string; now: Date }) {
  return {
    id: `acc_${userId}`,
    accountId: userId,
    providerId: "credential",
    userId,
    password: passwordHash,
    createdAt: now,
    updatedAt: now,
  };
}
