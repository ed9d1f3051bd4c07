import type { RunResult } from "better-sqlite3";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import type * as schema from "@/db/schema";
import { db } from "@/db/client";

/**
 * Either the `db` singleton or the `tx` of `db.transaction((tx) => …)`.
 * Query functions that must join a caller's transaction take one of these,
 * so a change, its audit row and its planned email commit together.
 */
export type Executor = BaseSQLiteDatabase<"sync", RunResult, typeof schema>;

/**
 * `db.transaction(fn, { behavior: "immediate" })` without drizzle's
 * per-call transaction object (building it was 3 % of an ingested event).
 * SQLite's own transaction function runs `fn`; nested in another
 * transaction it becomes a savepoint, so a failing `fn` rolls back alone.
 * `fn` gets `db` itself: the process has one connection, so every query it
 * runs belongs to this transaction.
 */
export function immediateTransaction<T>(fn: (tx: Executor) => T): T {
  return db.$client.transaction(() => fn(db)).immediate();
}
