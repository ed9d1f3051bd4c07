import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.DATABASE_URL = `/tmp/switchboard-probe-${process.pid}-${Date.now()}.db`;
});

import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { companies } from "@/db/schema";
import { prepareTestDatabase, removeTestDatabase } from "@/lib/testing/test-database";
import { transaction } from "../tx";
import { probeDatabaseWrite } from "./health-probe";

beforeAll(() => prepareTestDatabase(db));
afterAll(() => removeTestDatabase(db));

describe("probeDatabaseWrite", () => {
  it("writes in a transaction of its own, after one a request holds open, never inside it", async () => {
    const version = db.$client.pragma("user_version", { simple: true });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const request = transaction(async (tx) => {
      await tx.insert(companies).values({ id: "probe-co", name: "Probe" });
      await held;
      throw new Error("the request fails");
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(db.$client.inTransaction).toBe(true);

    let probed = false;
    const probe = probeDatabaseWrite({ busyTimeoutMs: 200 }).then(() => (probed = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(probed).toBe(false);

    release();
    await expect(request).rejects.toThrow("the request fails");
    await probe;
    expect(probed).toBe(true);
    expect(db.$client.inTransaction).toBe(false);
    expect(await db.select().from(companies).where(eq(companies.id, "probe-co"))).toEqual([]);
    expect(db.$client.pragma("user_version", { simple: true })).toBe(version);
    expect(db.$client.pragma("busy_timeout", { simple: true })).toBe(5000);
  });
});
