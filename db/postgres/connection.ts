import { join } from "node:path";
import pg from "pg";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import * as pgSchema from "../schema/pg";

/*
 * Opens a PostgreSQL database through a node-postgres pool: the twin of db/connection.ts for
 * `DATABASE_URL=postgres://…`. Shared by the app, scripts and tests; no "server-only" here.
 */
export type PgDB = NodePgDatabase<typeof pgSchema> & { $client: pg.Pool };

export type PostgresConnection = { db: PgDB; pool: pg.Pool; close(): Promise<void> };

export const PG_MIGRATIONS_FOLDER = join(process.cwd(), "db", "migrations-pg");

const DEFAULT_POOL_SIZE = 10;

/** `DATABASE_POOL_SIZE` when set (a positive integer), else 10: node-postgres's own default. */
export function poolSizeFromEnv(value = process.env.DATABASE_POOL_SIZE): number {
  if (value === undefined || value.trim() === "") return DEFAULT_POOL_SIZE;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1) throw new Error(`DATABASE_POOL_SIZE must be a positive integer, got "${value}"`);
  return size;
}

export function openPostgres({ url, poolSize = poolSizeFromEnv() }: { url: string; poolSize?: number }): PostgresConnection {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // an idle client that loses its server (restart, failover) emits here; without a listener it would crash the process
  pool.on("error", (error) => console.error("PostgreSQL pool:", error.message));
  // a client checked out for a transaction that loses its server emits "error" after the query under it failed;
  // the failed query already carries the error to its caller, and unheard this one would crash the process
  pool.on("connect", (client) => client.on("error", () => undefined));
  const db = drizzle({ client: pool, schema: pgSchema });
  return { db, pool, close: () => pool.end() };
}

const STARTUP_LOCK = "switchboard:startup";

/**
 * Runs `fn` while holding a session advisory lock that every starting web server, worker and
 * `db:migrate` takes: when several start at once, one migrates (and seeds) and the others wait,
 * then find nothing left to do. Held on a connection of its own, so `fn` may use the pool.
 */
export async function withStartupLock<T>(pool: pg.Pool, fn: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock(hashtextextended($1, 0))", [STARTUP_LOCK]);
    return await fn();
  } finally {
    await client.query("select pg_advisory_unlock(hashtextextended($1, 0))", [STARTUP_LOCK]).catch(() => undefined);
    client.release();
  }
}

/** Applies the committed migrations in db/migrations-pg; already applied ones are skipped. */
export async function migratePostgres(db: PgDB): Promise<void> {
  await migrate(db, { migrationsFolder: PG_MIGRATIONS_FOLDER });
}
