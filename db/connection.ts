import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import * as schema from "./schema";

/*
 * Opens the SQLite file with the pragmas every process needs: WAL so readers
 * never block the writer, foreign keys on, and a busy timeout so concurrent
 * writers (web + standalone worker) wait instead of failing.
 * Shared by the app (db/client.ts), scripts and tests; no "server-only" here.
 */
export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export function openDatabase(file: string): DB {
  const path = file === ":memory:" ? file : resolve(file);
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  return drizzle({ client: sqlite, schema }) as DB;
}
