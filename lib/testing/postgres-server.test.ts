import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import pg from "pg";
import { createDatabase, startPostgres } from "./postgres-server";

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

describe("startPostgres", () => {
  it("starts a throw-away server on a loopback port, and stop() removes it", async () => {
    const started = Date.now();
    const server = await startPostgres();
    const startMs = Date.now() - started;
    try {
      expect(server.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
      const [{ version }] = await query<{ version: string }>(server.url, "select version()");
      expect(version).toMatch(/^PostgreSQL (\d+)/);
      expect(Number(/^PostgreSQL (\d+)/.exec(version)![1])).toBeGreaterThanOrEqual(15);

      const copy = await createDatabase(server.url, "copy_of_template");
      const [{ db }] = await query<{ db: string }>(copy, "select current_database() as db");
      expect(db).toBe("copy_of_template");
    } finally {
      const stopping = Date.now();
      await server.stop();
      console.log(`PostgreSQL started in ${startMs} ms, stopped in ${Date.now() - stopping} ms`);
    }
    expect(existsSync(server.dir)).toBe(false);
    await expect(query(server.url, "select 1")).rejects.toThrow();
  });
});
