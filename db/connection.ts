import Database from "better-sqlite3";
import { drizzle, type SqliteRemoteDatabase } from "drizzle-orm/sqlite-proxy";
import { AsyncLocalStorage } from "node:async_hooks";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import * as schema from "./schema/sqlite";
import { cachedStatements } from "./statement-cache";
import type { Engine } from "./engine";
import { tagStorageErrors } from "./storage-digest";

/*
 * The SQLite engine (db/postgres/database.ts is PostgreSQL's): one better-sqlite3 connection per process behind drizzle's
 * asynchronous SQLite interface, so the domain awaits its queries the same way
 * on either engine.
 *
 * The connection is shared by every request of the process, and an open
 * transaction stays open across the awaits inside it. So the connection has a
 * lock (as Kysely's SQLite driver does): a transaction holds it from BEGIN to
 * COMMIT, and every query outside it waits for it. Statements the
 * transaction's own code runs go through the transaction's handle, `tx`,
 * which AsyncLocalStorage ties to the transaction's async context; a query on
 * the process-wide `db` from inside a transaction is refused, because on
 * PostgreSQL it would run on another connection, outside the transaction
 * (and here it would wait for the lock its own transaction holds).
 *
 * Transactions start with BEGIN IMMEDIATE, which takes SQLite's write lock up
 * front: two processes on one file can never both read "connected" and then
 * both plan (docs/product R20). Nested, a transaction becomes a savepoint.
 */
export type Executor = SqliteRemoteDatabase<typeof schema>;

export type DB = Executor & {
  $engine: Engine;
  /** The one transaction helper (db/queries/tx.ts `transaction`). */
  $transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T>;
  /** Closes the connection (SQLite) or the pool (PostgreSQL) once nothing runs on it any more. */
  $close(): Promise<void>;
  /** The better-sqlite3 connection: for what is about SQLite itself (pragmas, query plans); SQLite engine only. */
  $client: Database.Database;
};

type Scope = { connection: Database.Database; open: boolean; depth: number };

const scopes = new AsyncLocalStorage<Scope>();

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

  const execute = cachedStatements(sqlite);
  const lock = new ConnectionLock();
  const current = (): Scope | undefined => {
    const scope = scopes.getStore();
    return scope?.connection === sqlite && scope.open ? scope : undefined;
  };

  const db = drizzle(
    async (text, params, method) => {
      if (current()) throw new Error("A query ran on `db` inside a transaction: run it on the transaction's `tx`.");
      const release = await lock.acquire();
      try {
        return execute(text, params, method);
      } finally {
        release();
      }
    },
    { schema },
  ) as DB;

  const tx = drizzle(
    async (text, params, method) => {
      if (!current()) throw new Error("A transaction's `tx` was used after the transaction ended.");
      return execute(text, params, method);
    },
    { schema },
  );

  db.$engine = "sqlite";
  db.$client = sqlite;
  db.$close = async () => void sqlite.close();
  db.$transaction = async (fn) => {
    const outer = current();
    if (outer) return savepoint(sqlite, outer, () => fn(tx));
    const release = await lock.acquire();
    const scope: Scope = { connection: sqlite, open: true, depth: 0 };
    try {
      return await scopes.run(scope, async () => {
        sqlite.prepare("BEGIN IMMEDIATE").run();
        try {
          const result = await fn(tx);
          sqlite.prepare("COMMIT").run();
          return result;
        } catch (error) {
          if (sqlite.inTransaction) sqlite.prepare("ROLLBACK").run();
          throw error;
        }
      });
    } finally {
      scope.open = false;
      release();
    }
  };
  // drizzle's own `db.transaction` would send BEGIN … COMMIT as separate statements through the lock,
  // letting other requests' statements in between; anything that calls it (better-auth's adapter) gets ours
  db.transaction = ((fn: (tx: Executor) => Promise<unknown>) => db.$transaction(fn)) as unknown as DB["transaction"];
  return db;
}

async function savepoint<T>(sqlite: Database.Database, scope: Scope, fn: () => Promise<T>): Promise<T> {
  const name = `sp${++scope.depth}`;
  sqlite.prepare(`SAVEPOINT ${name}`).run();
  try {
    const result = await fn();
    sqlite.prepare(`RELEASE ${name}`).run();
    return result;
  } catch (error) {
    sqlite.prepare(`ROLLBACK TO ${name}`).run();
    sqlite.prepare(`RELEASE ${name}`).run();
    throw error;
  } finally {
    scope.depth--;
  }
}

/** First come, first served; a free lock is taken without waiting. */
class ConnectionLock {
  private held = false;
  private readonly waiting: (() => void)[] = [];

  async acquire(): Promise<() => void> {
    if (this.held) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.held = true;
    return this.release;
  }

  // hands the lock straight to the next waiter, so nobody can take it in between
  private readonly release = () => {
    const next = this.waiting.shift();
    if (next) next();
    else this.held = false;
  };
}
