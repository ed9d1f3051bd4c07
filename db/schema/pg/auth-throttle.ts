import { pgTable, text, bigint, index } from "drizzle-orm/pg-core";
import { SIGN_IN_SCOPES } from "../auth-throttle";
import { at } from "./columns";

export const signInFailures = pgTable(
  "sign_in_failures",
  {
    // rows are pruned but ids are never reused, and a password-guessing flood spends them fast
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    scope: text("scope", { enum: SIGN_IN_SCOPES }).notNull(),
    key: text("key").notNull(),
    attemptId: text("attempt_id").notNull(),
    createdAt: at("created_at").notNull(),
  },
  (t) => [
    index("sign_in_failures_key_idx").on(t.scope, t.key, t.createdAt),
    index("sign_in_failures_attempt_idx").on(t.attemptId),
    index("sign_in_failures_created_idx").on(t.createdAt),
  ],
);
