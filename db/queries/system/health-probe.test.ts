import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

await vi.hoisted(async () => {
  (await import("@/lib/testing/test-database-url")).useTestDatabaseUrl("probe");
});

import { createServer, type Socket } from "node:net";
import { eq, sql, type SQL } from "drizzle-orm";
import pg from "pg";
import { db } from "@/db/client";
import { engine } from "@/db/engine";
import { companies } from "@/db/schema";
import { prepareTestDatabase, removeTestDatabase } from "@/lib/testing/test-database";
import { storageFailure } from "@/lib/storage-errors";
import { transaction } from "../tx";
import { DatabaseProbeTimeout, probeDatabaseWrite, probePostgresWrite } from "./health-probe";

beforeAll(() => prepareTestDatabase(db));
afterAll(() => removeTestDatabase(db));

const pool = () => db.$client as unknown as pg.Pool;

describe("probeDatabaseWrite", () => {
  // SQLite's connection is shared by the process: the probe must queue behind a request's open transaction
  it.skipIf(engine === "postgres")("writes in a transaction of its own, after one a request holds open, never inside it", async () => {
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
    const probe = probeDatabaseWrite().then(() => (probed = true));
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

  it.runIf(engine === "postgres")("writes on a pooled connection of its own, even from inside a request's open transaction", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let probed!: () => void;
    const probedInside = new Promise<void>((resolve) => (probed = resolve));
    const request = transaction(async (tx) => {
      await tx.insert(companies).values({ id: "probe-co", name: "Probe" });
      // a write the probe made inside this transaction would now fail with 25006
      await (tx as unknown as { execute(query: SQL): Promise<unknown> }).execute(sql`set transaction read only`);
      await probeDatabaseWrite();
      probed();
      await held;
      throw new Error("the request fails");
    });
    await probedInside;

    // the connection the pool hands out next is the one the probe just gave back: it keeps nothing of the probe
    const client = await pool().connect();
    try {
      expect((await client.query("show statement_timeout")).rows).toEqual([{ statement_timeout: "0" }]);
      expect((await client.query("select count(*)::int as n from pg_class where relname = 'switchboard_health_probe'")).rows).toEqual([
        { n: 0 },
      ]);
    } finally {
      client.release();
    }

    release();
    await expect(request).rejects.toThrow("the request fails");
    expect(await db.select().from(companies).where(eq(companies.id, "probe-co"))).toEqual([]);
  });

  it("answers a server that accepts the connection and then says nothing within its deadline, as a timeout", async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as { port: number };
    const stuck = new pg.Pool({ connectionString: `postgres://switchboard@127.0.0.1:${port}/switchboard` });
    try {
      const started = performance.now();
      const error = await probePostgresWrite(stuck, 150).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatabaseProbeTimeout);
      expect(storageFailure(error)).toBe("timeout");
      expect(performance.now() - started).toBeLessThan(1_000);
      expect(sockets.length).toBe(1);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
      await stuck.end();
    }
  });
});
