import { rmSync } from "node:fs";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { resetAllData } from "@/db/queries/system/reset";
import type { DB } from "@/db/connection";

/*
 * For vitest files that exercise code importing `@/db/client`: the test sets
 * DATABASE_URL to a fresh temp file in `vi.hoisted` (before any import reads
 * the environment), then calls `prepareTestDatabase(db)` to migrate and seed
 * the demo data of docs/product R33.
 *
 *   vi.hoisted(() => { process.env.DATABASE_URL = `/tmp/switchboard-test-${process.pid}-${Date.now()}.db`; });
 */

export async function prepareTestDatabase(db: DB): Promise<void> {
  const { prepareDatabase } = await import("@/db/setup");
  await prepareDatabase(db, { seedDemoWhenEmpty: true });
}

export function removeTestDatabase(db: DB): void {
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
