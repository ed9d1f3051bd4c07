import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { seedDemo } from "@/db/seed-data";
import { transaction } from "../tx";

/**
 * Test-only: empties every application table and reseeds the demo data.
 * Only reachable through /api/test/reset when TEST_MODE=1.
 *
 * SQLite's own, on purpose: the tables are read from sqlite_master, and
 * defer_foreign_keys leaves the foreign keys to COMMIT, when every table is
 * empty, so the deletes may run in any order inside one transaction.
 */
export async function resetAllData(): Promise<void> {
  await transaction(async (tx) => {
    const tables = await tx.values<[string]>(
      sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'`,
    );
    await tx.run(sql`PRAGMA defer_foreign_keys = ON`);
    for (const [name] of tables) await tx.run(sql`DELETE FROM ${sql.identifier(name)}`);
  });
  await seedDemo(db);
}
