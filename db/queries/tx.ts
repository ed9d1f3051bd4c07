import type { RunResult } from "better-sqlite3";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import type * as schema from "@/db/schema";

/**
 * Either the `db` singleton or the `tx` of `db.transaction((tx) => …)`.
 * Query functions that must join a caller's transaction take one of these,
 * so a change, its audit row and its planned email commit together.
 */
export type Executor = BaseSQLiteDatabase<"sync", RunResult, typeof schema>;
