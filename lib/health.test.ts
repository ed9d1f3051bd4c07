import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.DATABASE_URL = `/tmp/switchboard-health-${process.pid}-${Date.now()}.db`;
  process.env.HEALTH_PROBE_INTERVAL_MS = "5000";
});

import { db } from "@/db/client";
import { prepareTestDatabase, removeTestDatabase } from "@/lib/testing/test-database";
import { checkHealth } from "./health";

beforeAll(async () => {
  await prepareTestDatabase(db);
});
afterAll(() => {
  db.$client.pragma("query_only = 0");
  removeTestDatabase(db);
});

describe("checkHealth", () => {
  it("reports a database that refuses writes, at most once per interval, and recovers", async () => {
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

  it("checks that arrive while a probe runs share its answer", async () => {
    const [first, second] = await Promise.all([checkHealth(3_000_000), checkHealth(3_000_001)]);
    expect(first).toEqual({ ok: true, checks: { database: "ok" } });
    expect(second).toBe(first);
  });

  it("leaves the data and the user_version as they were", async () => {
    const before = db.$client.pragma("user_version", { simple: true });
    const companies = db.$client.prepare("select count(*) as n from companies").get();
    await checkHealth(2_000_000);
    expect(db.$client.pragma("user_version", { simple: true })).toBe(before);
    expect(db.$client.prepare("select count(*) as n from companies").get()).toEqual(companies);
    expect(db.$client.pragma("busy_timeout", { simple: true })).toBe(5000);
  });
});
