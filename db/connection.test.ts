import { eq } from "drizzle-orm";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { openDatabase } from "./connection";
import { companies } from "./schema";
import { migrateDatabase } from "./setup";

/*
 * The SQLite engine's guarantees (db/connection.ts): a transaction stays open
 * across awaits without another request's statements landing in it, a query on
 * `db` inside a transaction is refused, and nesting gives savepoints.
 */
const file = join(tmpdir(), `switchboard-connection-${process.pid}-${Date.now()}.db`);
const db = openDatabase(file);

const names = async () => (await db.select({ id: companies.id }).from(companies).orderBy(companies.id)).map((c) => c.id);
const insert = (id: string) => ({ id, name: id });
// drizzle wraps what the driver threw in its DrizzleQueryError, with the original as `cause`
const failedWith = (text: string) => ({ cause: expect.objectContaining({ message: expect.stringContaining(text) }) });

beforeAll(() => migrateDatabase(db));
afterAll(() => {
  db.$client.close();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
});
beforeEach(() => db.delete(companies));

describe("SQLite engine", () => {
  it("commits a transaction's writes together, across awaits", async () => {
    await db.$transaction(async (tx) => {
      await tx.insert(companies).values(insert("a"));
      await new Promise((resolve) => setImmediate(resolve));
      await tx.insert(companies).values(insert("b"));
    });
    expect(await names()).toEqual(["a", "b"]);
  });

  it("rolls back every write when the transaction throws", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await tx.insert(companies).values(insert("a"));
        throw new Error("no");
      }),
    ).rejects.toThrow("no");
    expect(await names()).toEqual([]);
  });

  it("keeps another request's query out of an open transaction: it waits for the commit", async () => {
    let release!: () => void;
    const paused = new Promise<void>((resolve) => (release = resolve));
    const order: string[] = [];
    const writing = db.$transaction(async (tx) => {
      await tx.insert(companies).values(insert("a"));
      order.push("tx wrote");
      await paused;
      await tx.update(companies).set({ name: "committed" }).where(eq(companies.id, "a"));
      order.push("tx done");
    });
    // the transaction is open and waiting: a query from elsewhere must not see "a" yet, nor run inside it
    const reading = db
      .select({ name: companies.name })
      .from(companies)
      .then((rows) => {
        order.push(`read ${rows.map((r) => r.name).join(",")}`);
      });
    await new Promise((resolve) => setImmediate(resolve));
    const whileOpen = [...order];
    release();
    await Promise.all([writing, reading]);
    expect(whileOpen).toEqual(["tx wrote"]);
    expect(order).toEqual(["tx wrote", "tx done", "read committed"]);
  });

  it("refuses a query on db inside a transaction, which would run outside it on PostgreSQL", async () => {
    await expect(
      db.$transaction(async () => {
        await db.select().from(companies);
      }),
    ).rejects.toMatchObject(failedWith("A query ran on `db` inside a transaction"));
  });

  it("refuses a transaction's tx once the transaction has ended", async () => {
    const leaked = await db.$transaction(async (tx) => tx);
    await expect(leaked.select().from(companies)).rejects.toMatchObject(failedWith("used after the transaction ended"));
  });

  it("runs a nested transaction as a savepoint that rolls back alone", async () => {
    await db.$transaction(async (tx) => {
      await tx.insert(companies).values(insert("outer"));
      await expect(
        db.$transaction(async (inner) => {
          await inner.insert(companies).values(insert("inner"));
          throw new Error("inner fails");
        }),
      ).rejects.toThrow("inner fails");
    });
    expect(await names()).toEqual(["outer"]);
  });

  it("runs transactions one after another, never interleaved", async () => {
    const log: string[] = [];
    const run = (id: string) =>
      db.$transaction(async (tx) => {
        log.push(`begin ${id}`);
        await tx.insert(companies).values(insert(id));
        await new Promise((resolve) => setImmediate(resolve));
        log.push(`end ${id}`);
      });
    await Promise.all([run("a"), run("b"), run("c")]);
    expect(log).toEqual(["begin a", "end a", "begin b", "end b", "begin c", "end c"]);
  });

  it("compiles each SQL text once and reuses the statement (docs/decisions/0005)", async () => {
    const compiled: string[] = [];
    const prepare = db.$client.prepare.bind(db.$client);
    const spy = vi.spyOn(db.$client, "prepare").mockImplementation((source: string) => {
      compiled.push(source);
      return prepare(source);
    });
    try {
      const byId = (id: string) => db.select({ name: companies.name }).from(companies).where(eq(companies.id, id));
      await db.insert(companies).values([insert("a"), insert("b")]);
      expect(await byId("a")).toEqual([{ name: "a" }]);
      expect(await byId("b")).toEqual([{ name: "b" }]);
      expect(compiled.filter((source) => source.startsWith('select "name" from "companies"'))).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });

  it("gives drizzle's own db.transaction the same lock (better-auth's adapter calls it)", async () => {
    await db.transaction(async (tx) => {
      await tx.insert(companies).values(insert("via-drizzle"));
    });
    expect(await names()).toEqual(["via-drizzle"]);
  });
});
