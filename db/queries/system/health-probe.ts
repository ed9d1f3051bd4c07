import "server-only";
import type Database from "better-sqlite3";
import type { Pool, PoolClient } from "pg";
import { db } from "@/db/client";
import { engine } from "@/db/engine";
import { transaction } from "../tx";

/*
 * A write that really reaches the database, for /api/health, without a table of its own and
 * without a trace: a full, read-only or unreachable database answers here as it would for an
 * event. The two engines prove it differently, so each has its probe, chosen once below.
 */

/**
 * SQLite waits this long for another process's write lock instead of the connection's 5 s: it
 * waits synchronously, and a health check must not stall the process behind another writer.
 */
const SQLITE_BUSY_TIMEOUT_MS = 200;

/**
 * PostgreSQL: the deadline for a pooled connection and the probe's statements, and their
 * statement timeout. The wait is asynchronous, but a stuck server must turn the route to
 * "unavailable" within the 1 s a load balancer's check commonly allows (Kubernetes' default).
 */
export const POSTGRES_PROBE_TIMEOUT_MS = 750;

export const probeDatabaseWrite: () => Promise<void> =
  engine === "postgres" ? () => probePostgresWrite(db.$client as unknown as Pool) : () => probeSqliteWrite(SQLITE_BUSY_TIMEOUT_MS);

/*
 * SQLite: in an IMMEDIATE transaction (so it takes the write lock) the header's user_version is
 * written back with its own value. SQLite rewrites page 1 for that and the commit appends it to
 * the WAL. Nothing in the project reads user_version (drizzle keeps its own migrations table).
 * It is about SQLite's file itself, so it runs on the raw connection.
 */
async function probeSqliteWrite(busyTimeoutMs: number): Promise<void> {
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

/** The probe gave up waiting for PostgreSQL: `code` as Node's own timeouts, so lib/storage-errors.ts names it a timeout. */
export class DatabaseProbeTimeout extends Error {
  readonly code = "ETIMEDOUT";
  constructor(timeoutMs: number) {
    super(`The database did not answer the health probe within ${timeoutMs} ms`);
    this.name = "DatabaseProbeTimeout";
  }
}

/*
 * PostgreSQL: one transaction on a connection of its own from the pool (never a request's open
 * transaction) creates a temporary table that drops itself at COMMIT. Creating it writes the
 * catalog, which a standby and a read-only transaction refuse (25006) as they refuse an event,
 * and the COMMIT writes and flushes a commit record to the WAL; a bare SELECT or an xid would
 * pass on a server set read-only. The table lives only inside the transaction and SET LOCAL ends
 * with it, so neither the data nor the pooled connection keeps anything of the probe.
 *
 * The statement timeout stops the server's work on a probe that waits; the deadline around it
 * also covers what the server cannot time out: the connection itself, a server or network that
 * stopped answering, a COMMIT waiting for a synchronous standby. A connection whose probe failed
 * or is still pending is destroyed, not handed back to the pool.
 */
export async function probePostgresWrite(pool: Pool, timeoutMs: number = POSTGRES_PROBE_TIMEOUT_MS): Promise<void> {
  const ms = Math.max(1, Math.floor(timeoutMs));
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseProbeTimeout(ms)), ms);
  });
  const connecting = pool.connect();
  let client: PoolClient | undefined;
  try {
    client = await Promise.race([connecting, deadline]);
    client.on("error", ignore);
    await Promise.race([
      client.query(
        `BEGIN; SET LOCAL statement_timeout = ${ms}; ` +
          "CREATE TEMPORARY TABLE switchboard_health_probe ON COMMIT DROP AS SELECT now() AS probed_at; COMMIT",
      ),
      deadline,
    ]);
    client.removeListener("error", ignore);
    client.release();
  } catch (error) {
    if (client) client.release(true);
    else connecting.then(discard, ignore);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/*
 * A checked-out connection that ends under the probe also emits "error", which with no listener
 * would end the process; the probe's query fails with the same error, and that is its answer.
 */
function ignore(): void {}

function discard(late: PoolClient): void {
  late.on("error", ignore);
  late.release(true);
}
