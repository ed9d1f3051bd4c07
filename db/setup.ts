import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { sql } from "drizzle-orm";
import { join } from "node:path";
import type { DB } from "./connection";
import { seedDemo } from "./seed-data";

export const MIGRATIONS_FOLDER = join(process.cwd(), "db", "migrations");

export function migrateDatabase(db: DB): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}

export type PreparedDatabase = "existing" | "seeded" | "empty";

/*
 * Migrates; a database with no company yet gets the demo data (docs/product R31)
 * only when the caller allows it, because the demo users share a published
 * password: a production start leaves it "empty" for `npm run admin:create`.
 */
export async function prepareDatabase(db: DB, { seedDemoWhenEmpty }: { seedDemoWhenEmpty: boolean }): Promise<PreparedDatabase> {
  migrateDatabase(db);
  const row = db.get<{ n: number }>(sql`select count(*) as n from companies`);
  if (row && row.n > 0) return "existing";
  if (!seedDemoWhenEmpty) return "empty";
  await seedDemo(db);
  return "seeded";
}
