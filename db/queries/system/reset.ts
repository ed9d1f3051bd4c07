import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { seedDemo } from "@/db/seed-data";

/**
 * Test-only: empties every application table and reseeds the demo data.
 * Only reachable through /api/test/reset when TEST_MODE=1.
 */
export async function resetAllData(): Promise<void> {
  const tables = db
    .all<{ name: string }>(
      sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'`,
    )
    .map((t) => t.name);
  db.$client.pragma("foreign_keys = OFF");
  try {
    db.$client.transaction(() => {
      for (const t of tables) db.$client.prepare(`DELETE FROM "${t}"`).run();
    })();
  } finally {
    db.$client.pragma("foreign_keys = ON");
  }
  await seedDemo(db);
}
