import "server-only";
import { db } from "@/db/client";

/*
 * Hot queries prepared once per process instead of built and compiled on
 * every call (drizzle's query building plus SQLite's prepare were a quarter
 * of an ingested event's CPU). Prepared lazily, on first use: `next build`
 * loads modules against an empty in-memory database that has no tables.
 * The one connection of the process runs them, so inside
 * `db.transaction((tx) => …)` they belong to that transaction like `tx`'s own.
 */
export function preparedOnce<T>(build: (database: typeof db) => T): () => T {
  let query: T | undefined;
  return () => (query ??= build(db));
}
