import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import * as schema from "./schema";
import { tagStorageErrors } from "./storage-digest";

/*
 * Opens the SQLite file with the pragmas every process needs: WAL so readers
 * never block the writer, foreign keys on, and a busy timeout so concurrent
 * writers (web + standalone worker) wait instead of failing.
 * Shared by the app (db/client.ts), scripts and tests; no "server-only" here.
 */
export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export function openDatabase(file: string): DB {
  tagStorageErrors();
  const path = file === ":memory:" ? file : resolve(file);
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  // Statement journals (any write a trigger or foreign key can abort halfway) stay in memory
  // instead of a temp file per statement: that file cost 45 µs of every message insert.
  sqlite.pragma("temp_store = MEMORY");
  reuseStatements(sqlite);
  return drizzle({ client: sqlite, schema }) as DB;
}

/*
 * Drizzle compiles every query it runs with `prepare`, so the same SQL text
 * was compiled by SQLite again on every request (9 % of an ingested event's
 * CPU). Statements are reusable: keep the most recent ones by their text. A
 * statement handed out again is reset to returning objects (drizzle switches
 * it to arrays with `raw()` when it wants them), and one still iterating is
 * never shared.
 */
const STATEMENT_CACHE_SIZE = 500;

function reuseStatements(sqlite: Database.Database): void {
  const compile = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const cached = cache.get(source);
    if (cached && !cached.busy) {
      cache.delete(source); // most recently used goes last
      cache.set(source, cached);
      if (cached.reader) cached.raw(false);
      return cached;
    }
    const statement = compile(source);
    if (!cached) {
      cache.set(source, statement);
      if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
    return statement;
  }) as typeof sqlite.prepare;
}
