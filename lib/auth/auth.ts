import "server-only";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { db } from "@/db/client";
import { accounts, sessions, users, verifications } from "@/db/schema";
import { getUserById } from "@/db/queries/users";
import { env } from "@/lib/env";

/*
 * better-auth owns passwords and sessions (docs/product R3). Accounts are created by
 * the seed or by admins, never by self sign-up. Only its server API is used
 * (lib/auth/sign-in.ts, lib/auth/session.ts): none of its HTTP routes is
 * mounted, so every password check goes through the app's own throttle and
 * its built-in limiter has nothing to guard. A deactivated user gets no
 * session — refused after the password check, so the answer and its timing
 * reveal nothing before the password is proven — and loses the ones it had
 * (lib/auth/session.ts).
 */
export const auth = betterAuth({
  appName: "Switchboard",
  secret: env.APP_SECRET,
  baseURL: env.APP_URL,
  database: drizzleAdapter(db, {
    // the same tables on either engine (db/schema/index.ts); the adapter only needs to know whose SQL it builds
    provider: db.$engine === "postgres" ? "pg" : "sqlite",
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
  rateLimit: { enabled: false },
  telemetry: { enabled: false },
  databaseHooks: {
    session: {
      create: {
        // false makes signInEmail fail with FAILED_TO_CREATE_SESSION, after the password was verified
        before: async (session) => ((await getUserById({ id: session.userId }))?.active ? undefined : false),
      },
    },
  },
  plugins: [nextCookies()],
});
