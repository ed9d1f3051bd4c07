import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";

// ── Sign-in throttling (lib/auth/sign-in-throttle.ts) ──────────────────────
// One row per password check under way or failed, once for the account it
// named and once for the address it came from. Keyed by the typed email, not
// by a user id, so an unknown email is throttled exactly like a real one.

export const SIGN_IN_SCOPES = ["account", "address"] as const;
export type SignInScope = (typeof SIGN_IN_SCOPES)[number];

export const signInFailures = sqliteTable(
  "sign_in_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    scope: text("scope", { enum: SIGN_IN_SCOPES }).notNull(),
    key: text("key").notNull(),
    attemptId: text("attempt_id").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("sign_in_failures_key_idx").on(t.scope, t.key, t.createdAt),
    index("sign_in_failures_attempt_idx").on(t.attemptId),
    index("sign_in_failures_created_idx").on(t.createdAt),
  ],
);

export type SignInFailure = typeof signInFailures.$inferSelect;
