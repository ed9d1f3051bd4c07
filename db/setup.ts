import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { count } from "drizzle-orm";
import { companies } from "./schema";
import { join } from "node:path";
import type { DB } from "./connection";
import { migratePostgres, withStartupLock, type PgDB } from "./postgres/connection";
import { seedDemo } from "./seed-data";

export const MIGRATIONS_FOLDER = join(process.cwd(), "db", "migrations");

/** Applies the committed migrations of the database's engine (db/migrations, db/migrations-pg); applied ones are skipped. */
export async function migrateDatabase(db: DB): Promise<void> {
  await oneStartAtATime(db, () => migrateOnly(db));
}

async function migrateOnly(db: DB): Promise<void> {
  if (db.$engine === "postgres") return migratePostgres(db as unknown as PgDB);
  // drizzle's migrator for SQLite runs synchronously on the connection itself, before any query
  migrate(drizzle({ client: db.$client }), { migrationsFolder: MIGRATIONS_FOLDER });
}

// PostgreSQL serves many processes that may start at once; SQLite serves one machine, where drizzle migrates in one transaction
const oneStartAtATime = <T>(db: DB, fn: () => Promise<T>): Promise<T> =>
  db.$engine === "postgres" ? withStartupLock((db as unknown as PgDB).$client, fn) : fn();

export type PreparedDatabase = "existing" | "seeded" | "empty";

/*
 * Migrates; a database with no company yet gets the demo data (docs/product R31)
 * only when the caller allows it, because the demo users share a published
 * password: a production start leaves it "empty" for `npm run admin:create`.
 */
export async function prepareDatabase(db: DB, { seedDemoWhenEmpty }: { seedDemoWhenEmpty: boolean }): Promise<PreparedDatabase> {
  return await oneStartAtATime(db, async () => {
    await migrateOnly(db);
    const [row] = await db.select({ n: count() }).from(companies);
    if (row && row.n > 0) return "existing";
    if (!seedDemoWhenEmpty) return "empty";
    await seedDemo(db);
    return "seeded";
  });
}
