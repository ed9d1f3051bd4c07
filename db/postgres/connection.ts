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
  const db = drizzle({ client: pool, schema: pgSchema });
  return { db, pool, close: () => pool.end() };
}

/** Applies the committed migrations in db/migrations-pg; already applied ones are skipped. */
export async function migratePostgres(db: PgDB): Promise<void> {
  await migrate(db, { migrationsFolder: PG_MIGRATIONS_FOLDER });
}
