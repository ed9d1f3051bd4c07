import { rmSync } from "node:fs";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { resetAllData } from "@/db/queries/system/reset";
import type { DB } from "@/db/connection";
import { createDatabaseFromTemplate, dropDatabase } from "./postgres-template";

/*
 * For vitest files that exercise code importing `@/db/client`: the test picks its
 * database in `vi.hoisted` (before any import reads the environment; see
 * ./test-database-url.ts), then calls `prepareTestDatabase(db)` to create it,
 * migrate it and seed the demo data of docs/product R33.
 */

export async function prepareTestDatabase(db: DB): Promise<void> {
  if (db.$engine === "postgres") await createDatabaseFromTemplate(process.env.DATABASE_URL!);
  const { prepareDatabase } = await import("@/db/setup");
  await prepareDatabase(db, { seedDemoWhenEmpty: true });
}

export async function removeTestDatabase(db: DB): Promise<void> {
  if (db.$engine === "postgres") {
    await db.$close();
    await dropDatabase(process.env.DATABASE_URL!);
    return;
  }
  const file = db.$client.name;
  db.$client.close();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
}

/**
 * The hooks most database tests need: migrate and seed before the file,
 * back to the seed before each test, the file removed after.
 */
export function useDemoDatabase(db: DB): void {
  beforeAll(async () => {
    await prepareTestDatabase(db);
  });
  afterAll(() => removeTestDatabase(db));
  beforeEach(async () => {
    await resetAllData();
  });
}
