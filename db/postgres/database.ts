import { AsyncLocalStorage } from "node:async_hooks";
import type { DB, Executor } from "../connection";
import type { PgTransaction } from "drizzle-orm/pg-core";
import { tagStorageErrors } from "../storage-digest";
import { openPostgres } from "./connection";

type Transaction = PgTransaction<never, never, never>;

/*
 * The PostgreSQL engine as the domain sees it: the same `DB` as the SQLite engine
 * (db/connection.ts), over a node-postgres pool sized by DATABASE_POOL_SIZE. The domain
 * is typed against the SQLite tables and builder; at run time it gets PostgreSQL's, which
 * build the same queries for the subset the domain uses (docs/decisions/0008, 0009).
 *
 * A transaction runs on one pooled connection at PostgreSQL's default isolation, READ
 * COMMITTED, with row locks where a transaction decides on what it read
 * (db/queries/row-locks.ts). Nested, it becomes a savepoint of the transaction it runs in,
 * as on SQLite: AsyncLocalStorage tells which one that is.
 */
export function openPostgresDatabase(url: string): DB {
  tagStorageErrors();
  const { db: pg, close } = openPostgres({ url });
  const open = new AsyncLocalStorage<Transaction>();
  const db = pg as unknown as DB;
  db.$engine = "postgres";
  db.$close = close;
  db.$transaction = <T>(fn: (tx: Executor) => Promise<T>): Promise<T> => {
    const outer = open.getStore();
    const run = (tx: Transaction) => open.run(tx, () => fn(tx as unknown as Executor));
    return outer ? outer.transaction(run) : (pg.transaction(run as never) as Promise<T>);
  };
  return db;
}
