import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { engine } from "@/db/engine";
import type { Executor } from "./tx";

/*
 * What a transaction holds while it decides on what it read, so that two
 * transactions never both decide on the same stale read (docs/product R20: no two
 * accepting transactions both read "connected" and both plan). The one place the
 * engines differ on it:
 *
 * - SQLite: nothing more to take. Every transaction begins IMMEDIATE, holding the
 *   database's write lock from its first statement (db/connection.ts).
 * - PostgreSQL, at its default READ COMMITTED: row locks. A second transaction
 *   that wants the same row waits for the first to commit, then reads what it
 *   wrote. Chosen over SERIALIZABLE with retries because the contended rows are
 *   known (an integration, a company's settings, a sign-in key) and waiting costs
 *   less than aborting and redoing a whole accepting transaction: every event of
 *   one integration updates that integration's row, so under SERIALIZABLE a burst
 *   of them would abort each other.
 */

/** A select that locks the rows it returns until the transaction ends (PostgreSQL's `FOR UPDATE`). */
export function forUpdate<Q>(query: Q): Q {
  return engine === "postgres" ? (query as unknown as { for(strength: "update"): Q }).for("update") : query;
}

/**
 * A subquery of rows to claim that passes over rows another transaction holds (PostgreSQL's
 * `FOR UPDATE SKIP LOCKED`, as Oban, pg-boss and graphile-worker claim jobs): two workers
 * claiming at once take different rows instead of queueing on the same ones. On SQLite the
 * claiming statement runs under the database's write lock, which already makes it exclusive.
 * The claim's own WHERE still re-checks that each row is claimable.
 */
export function skipLocked<Q>(query: Q): Q {
  return engine === "postgres"
    ? (query as unknown as { for(strength: "update", config: { skipLocked: true }): Q }).for("update", { skipLocked: true })
    : query;
}

/**
 * Holds named locks until the transaction ends, for decisions that have no one row to
 * lock (a version read from the audit log, a count of attempts). Taken in sorted order,
 * so two transactions never wait on each other the other way round.
 */
export async function holdLocks(tx: Executor, ...keys: string[]): Promise<void> {
  if (engine !== "postgres") return;
  const pg = tx as unknown as { execute(query: SQL): Promise<unknown> };
  for (const key of [...new Set(keys)].sort()) await pg.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}
