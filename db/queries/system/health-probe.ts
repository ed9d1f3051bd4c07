import "server-only";
import type Database from "better-sqlite3";
import { db } from "@/db/client";
import { transaction } from "../tx";

/*
 * A write that really reaches the database file, for /api/health, without a
 * table of its own: in an IMMEDIATE transaction (so it takes the write lock)
 * the header's user_version is written back with its own value. SQLite
 * rewrites page 1 for that and the commit appends it to the WAL, so a full,
 * read-only or failing disk answers here as it would for an event. Nothing
 * in the project reads user_version (drizzle keeps its own migrations table).
 *
 * It is about SQLite's file itself, so it runs on the raw connection. The
 * probe waits `busyTimeoutMs` for another process's write lock instead of the
 * connection's 5 s: SQLite waits synchronously, and a health check must not
 * stall the process behind another writer.
 */
export async function probeDatabaseWrite({ busyTimeoutMs }: { busyTimeoutMs: number }): Promise<void> {
  const sqlite = db.$client;
  if (sqlite.inTransaction) {
    // A request's transaction is open on the shared connection (across an await): the probe's raw
    // statements would land in it. Queue behind it like any transaction and rewrite the header there.
    await transaction(async () => rewriteUserVersion(sqlite));
    return;
  }
  // Nothing is open: the probe runs whole, synchronously, before any other statement of the process.
  const previous = sqlite.pragma("busy_timeout", { simple: true }) as number;
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  try {
    sqlite.transaction(() => rewriteUserVersion(sqlite)).immediate();
  } finally {
    sqlite.pragma(`busy_timeout = ${previous}`);
  }
}

function rewriteUserVersion(sqlite: Database.Database): void {
  const version = sqlite.pragma("user_version", { simple: true }) as number;
  sqlite.pragma(`user_version = ${Math.floor(version)}`);
}
