import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

await vi.hoisted(async () => {
  (await import("@/lib/testing/test-database-url")).useTestDatabaseUrl("health");
  process.env.HEALTH_PROBE_INTERVAL_MS = "5000";
});

import { count } from "drizzle-orm";
import pg from "pg";
import { db } from "@/db/client";
import { engine } from "@/db/engine";
import { companies as companyTable } from "@/db/schema";
import { prepareTestDatabase, removeTestDatabase } from "@/lib/testing/test-database";
import { checkHealth } from "./health";

beforeAll(async () => {
  await prepareTestDatabase(db);
});
afterAll(async () => {
  if (engine === "sqlite") db.$client.pragma("query_only = 0");
  await removeTestDatabase(db);
});

const pool = () => db.$client as unknown as pg.Pool;

/*
 * PostgreSQL that refuses writes, as after a failover that leaves the process on a standby, or on
 * a managed server set read-only because its disk filled: new connections to this test's database
 * start read-only (the rest of the shared test server is untouched), and the pool's connections
 * are dropped, as a failover drops them. Allowing writes again drops the connections opened in
 * between too: they keep the read-only default they started with.
 */
async function setWritesRefused(refused: boolean): Promise<void> {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  try {
    await admin.query("set default_transaction_read_only = off"); // this session may have started read-only itself
    const name = admin.escapeIdentifier((await admin.query<{ name: string }>("select current_database() as name")).rows[0].name);
    await admin.query(
      `alter database ${name} ${refused ? "set default_transaction_read_only = on" : "reset default_transaction_read_only"}`,
    );
    await admin.query(
      "select pg_terminate_backend(pid, 5000) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
    );
  } finally {
    await admin.end();
  }
  // the pool drops each connection when its end reaches this process
  await vi.waitFor(() => expect(pool().totalCount).toBe(0));
}

describe("checkHealth", () => {
  // query_only is SQLite's switch for a connection that refuses writes; the PostgreSQL counterpart follows
  it.skipIf(engine === "postgres")("reports a database that refuses writes, at most once per interval, and recovers", async () => {
    const t0 = 1_000_000;
    expect(await checkHealth(t0)).toEqual({ ok: true, checks: { database: "ok" } });

    // from now on every write fails with SQLITE_READONLY, while reads still work
    db.$client.pragma("query_only = 1");
    expect(db.$client.prepare("select count(*) as n from companies").get()).toBeDefined();
    expect(await checkHealth(t0 + 4_999)).toEqual({ ok: true, checks: { database: "ok" } }); // the cached answer
    const failing = await checkHealth(t0 + 5_000);
    expect(failing).toEqual({ ok: false, checks: { database: "failing: the database is read-only (SQLITE_READONLY)" } });

    db.$client.pragma("query_only = 0");
    expect(await checkHealth(t0 + 9_999)).toEqual(failing);
    expect(await checkHealth(t0 + 10_000)).toEqual({ ok: true, checks: { database: "ok" } });
  });

  it.runIf(engine === "postgres")("reports a PostgreSQL server that refuses writes, at most once per interval, and recovers", async () => {
    const t0 = 5_000_000;
    expect(await checkHealth(t0)).toEqual({ ok: true, checks: { database: "ok" } });

    const poolErrors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      await setWritesRefused(true);
      expect(await db.select({ n: count() }).from(companyTable)).toEqual([{ n: expect.any(Number) }]); // reads still work
      expect(await checkHealth(t0 + 4_999)).toEqual({ ok: true, checks: { database: "ok" } }); // the cached answer
      const failing = await checkHealth(t0 + 5_000);
      expect(failing).toEqual({ ok: false, checks: { database: "failing: the database is read-only (25006 read_only_sql_transaction)" } });

      await setWritesRefused(false);
      expect(await checkHealth(t0 + 9_999)).toEqual(failing);
      expect(await checkHealth(t0 + 10_000)).toEqual({ ok: true, checks: { database: "ok" } });
    } finally {
      await setWritesRefused(false);
      poolErrors.mockRestore();
    }
  });

  it("checks that arrive while a probe runs share its answer", async () => {
    const [first, second] = await Promise.all([checkHealth(3_000_000), checkHealth(3_000_001)]);
    expect(first).toEqual({ ok: true, checks: { database: "ok" } });
    expect(second).toBe(first);
  });

  // user_version and busy_timeout are SQLite's; the PostgreSQL counterpart follows
  it.skipIf(engine === "postgres")("leaves the data and the user_version as they were", async () => {
    const before = db.$client.pragma("user_version", { simple: true });
    const companies = db.$client.prepare("select count(*) as n from companies").get();
    await checkHealth(2_000_000);
    expect(db.$client.pragma("user_version", { simple: true })).toBe(before);
    expect(db.$client.prepare("select count(*) as n from companies").get()).toEqual(companies);
    expect(db.$client.pragma("busy_timeout", { simple: true })).toBe(5000);
  });

  it.runIf(engine === "postgres")("leaves the data as it was and no probe table behind", async () => {
    const before = await db.select({ n: count() }).from(companyTable);
    await checkHealth(7_000_000);
    expect(await db.select({ n: count() }).from(companyTable)).toEqual(before);
    const probeTables = await pool().query("select count(*)::int as n from pg_class where relname = 'switchboard_health_probe'");
    expect(probeTables.rows).toEqual([{ n: 0 }]);
  });
});
