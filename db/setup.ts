import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { sql } from "drizzle-orm";
import { join } from "node:path";
import type { DB } from "./connection";
import { seedDemo } from "./seed-data";

export const MIGRATIONS_FOLDER = join(process.cwd(), "db", "migrations");

export function migrateDatabase(db: DB): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}

/** Migrates, and seeds the demo data when the database has no company yet (SPEC R31). */
export async function prepareDatabase(db: DB): Promise<{ seeded: boolean }> {
  migrateDatabase(db);
  const row = db.get<{ n: number }>(sql`select count(*) as n from companies`);
  if (row && row.n > 0) return { seeded: false };
  await seedDemo(db);
  return { seeded: true };
}
