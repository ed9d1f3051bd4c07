import "server-only";
import { db } from "@/db/client";

/*
 * A write that really reaches the database file, for /api/health, without a
 * table of its own: in an IMMEDIATE transaction (so it takes the write lock)
 * the header's user_version is written back with its own value. SQLite
 * rewrites page 1 for that and the commit appends it to the WAL, so a full,
 * read-only or failing disk answers here as it would for an event. Nothing
 * in the project reads user_version (drizzle keeps its own migrations table).
 *
 * The probe waits `busyTimeoutMs` for the lock instead of the connection's
 * 5 s, so a health check never stalls the process behind another writer.
 */
export function probeDatabaseWrite({ busyTimeoutMs }: { busyTimeoutMs: number }): void {
  const sqlite = db.$client;
  const previous = sqlite.pragma("busy_timeout", { simple: true }) as number;
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  try {
    sqlite
      .transaction(() => {
        const version = sqlite.pragma("user_version", { simple: true }) as number;
        sqlite.pragma(`user_version = ${Math.floor(version)}`);
      })
      .immediate();
  } finally {
    sqlite.pragma(`busy_timeout = ${previous}`);
  }
}
