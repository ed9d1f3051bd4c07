import "server-only";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { createAuthMiddleware, APIError } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { db } from "@/db/client";
import { accounts, sessions, users, verifications } from "@/db/schema";
import { findUserByEmail } from "@/db/queries/users";
import { env } from "@/lib/env";

/*
 * better-auth owns passwords and sessions (SPEC R3). Accounts are created by
 * the seed or by admins, never by self sign-up. A deactivated user is refused
 * before the password is even checked, and also on every request (lib/auth/session.ts).
 */
export const auth = betterAuth({
  appName: "Switchboard",
  secret: env.APP_SECRET,
  baseURL: env.APP_URL,
  database: drizzleAdapter(db, {
    provider: "sqlite",
    schema: { user: users, session: sessions, account: accounts, verification: verifications },
  }),
  emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8 },
  user: {
    additionalFields: {
      companyId: { type: "string", input: false, required: true },
      role: { type: "string", input: false, required: true },
      active: { type: "boolean", input: false, required: true },
    },
  },
  session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
  // the e2e suite signs in hundreds of times from one address
  rateLimit: { enabled: !env.TEST_MODE },
  telemetry: { enabled: false },
  hooks: {
    before: createAuthMiddleware(async (ctx) => {
      if (ctx.path !== "/sign-in/email") return;
      const email = typeof ctx.body?.email === "string" ? ctx.body.email : "";
      const user = findUserByEmail({ email });
      if (user && !user.active) {
        throw new APIError("FORBIDDEN", {
          message: "This account has been deactivated. Ask a company admin to restore access.",
        });
      }
    }),
  },
  plugins: [nextCookies()],
});
