import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { seedDemo } from "@/db/seed-data";
import { engine } from "@/db/engine";
import { transaction, type Executor } from "../tx";

/**
 * Test-only: empties every application table and reseeds the demo data.
 * Only reachable through /api/test/reset when TEST_MODE=1.
 *
 * Each engine empties its tables its own way, read from its own catalogue:
 * SQLite deletes with the foreign keys deferred to COMMIT, when every table is
 * empty, so the deletes may run in any order; PostgreSQL truncates them all in
 * one statement and restarts their identity sequences.
 */
export async function resetAllData(): Promise<void> {
  await transaction(engine === "postgres" ? truncatePostgres : deleteSqlite);
  await seedDemo(db);
}

async function deleteSqlite(tx: Executor): Promise<void> {
  const tables = await tx.values<[string]>(
    sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'`,
  );
  await tx.run(sql`PRAGMA defer_foreign_keys = ON`);
  for (const [name] of tables) await tx.run(sql`DELETE FROM ${sql.identifier(name)}`);
}

async function truncatePostgres(tx: Executor): Promise<void> {
  const pg = tx as unknown as { execute(query: ReturnType<typeof sql>): Promise<{ rows: { name: string }[] }> };
  const { rows } = await pg.execute(sql`select tablename as name from pg_tables where schemaname = 'public'`);
  if (rows.length === 0) return;
  await pg.execute(sql.raw(`truncate ${rows.map((r) => `"${r.name}"`).join(", ")} restart identity cascade`));
}
