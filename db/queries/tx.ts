import { db } from "@/db/client";
import type { Executor } from "@/db/connection";

export type { Executor };

/**
 * The one way to run a transaction. `fn` gets `tx`, and every query of the
 * transaction runs on it: query functions that must join a caller's
 * transaction take `tx: Executor` and use nothing else, so a change, its
 * audit row and its planned email commit together (docs/product R20).
 * Nested in another transaction it becomes a savepoint: a failing `fn` rolls
 * back alone. Do slow work (rendering, HTTP) before or after, never inside:
 * the transaction holds the database's write lock while it is open.
 */
export function transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T> {
  return db.$transaction(fn);
}
