import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

await vi.hoisted(async () => {
  (await import("@/lib/testing/test-database-url")).useTestDatabaseUrl("ingest-queue");
  process.env.APP_URL = "https://switchboard.example";
});

// One event of a batch fails halfway: after its event row is written, while planning its email.
// Another is slow there, as if the database were a network round trip away.
vi.mock("@/lib/notifications/sync-report", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/notifications/sync-report")>();
  return {
    ...actual,
    planSyncReport: async (input: Parameters<typeof actual.planSyncReport>[0]) => {
      if (input.eventId === "evt_bad") throw new Error("planning failed");
      if (input.eventId === "evt_slow") await new Promise((resolve) => setTimeout(resolve, 50));
      return actual.planSyncReport(input);
    },
  };
});

const transactions = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/db/queries/tx", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/db/queries/tx")>();
  return {
    ...actual,
    transaction: <T>(fn: (tx: import("@/db/queries/tx").Executor) => Promise<T>) => {
      transactions.count++;
      return actual.transaction(fn);
    },
  };
});

import { asc, count, eq } from "drizzle-orm";
import pg from "pg";
import { db } from "@/db/client";
import { engine } from "@/db/engine";
import { events, messages, notifications, reportSettings } from "@/db/schema";
import { resetAllData } from "@/db/queries/system/reset";
import { prepareTestDatabase, removeTestDatabase } from "@/lib/testing/test-database";
import { fixtureNow } from "@/lib/testing/events";
import { parseIntegrationEvent } from "./events";
import { ingestEventQueued } from "./group-commit";
import { isStorageUnavailable, storageFailure } from "@/lib/storage-errors";

beforeAll(() => prepareTestDatabase(db));
afterAll(() => removeTestDatabase(db));
beforeEach(async () => {
  await resetAllData();
  await db.update(reportSettings).set({ syncReportMode: "always" });
});

function queue(eventId: string, fixture = "sync-hubspot-pull-clean") {
  const body = fixtureNow(fixture);
  const parsed = parseIntegrationEvent(body);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return ingestEventQueued({ eventId, body: JSON.stringify(body), event: parsed.event, now: new Date() });
}

/** Every stored event, with how many notifications and messages it planned. */
async function stored() {
  const rows: { id: string; notifications: number; messages: number }[] = [];
  for (const { id } of await db.select({ id: events.id }).from(events).orderBy(asc(events.id))) {
    const [planned] = await db.select({ n: count() }).from(notifications).where(eq(notifications.eventId, id));
    const [queued] = await db
      .select({ n: count() })
      .from(messages)
      .innerJoin(notifications, eq(notifications.id, messages.notificationId))
      .where(eq(notifications.eventId, id));
    rows.push({ id, notifications: planned.n, messages: queued.n });
  }
  return rows;
}

describe("ingestEventQueued: group commit", () => {
  it("accepts the events of one turn together, each with its notification and message", async () => {
    const results = await Promise.all(["evt_a", "evt_b", "evt_c", "evt_a"].map((id) => queue(id)));
    expect(results.map((r) => r.outcome)).toEqual(["accepted", "accepted", "accepted", "duplicate"]);
    expect(await stored()).toEqual(["evt_a", "evt_b", "evt_c"].map((id) => ({ id, notifications: 1, messages: 1 })));
  });

  it("an event that fails halfway fails alone: nothing of it is stored, the rest of its batch is", async () => {
    const outcomes = await Promise.allSettled(["evt_ok_1", "evt_bad", "evt_ok_2"].map((id) => queue(id)));
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((outcomes[1] as PromiseRejectedResult).reason).toEqual(new Error("planning failed"));
    expect(await stored()).toEqual([
      { id: "evt_ok_1", notifications: 1, messages: 1 },
      { id: "evt_ok_2", notifications: 1, messages: 1 },
    ]);
  });

  it("answers nobody before the commit that holds its event", async () => {
    const pending = queue("evt_later");
    expect(await stored()).toEqual([]); // queued for the next turn, not yet written
    await expect(pending).resolves.toMatchObject({ outcome: "accepted" });
    expect(await stored()).toEqual([{ id: "evt_later", notifications: 1, messages: 1 }]);
  });

  it("the events that arrive while a batch commits make up the next batch, together", async () => {
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
    transactions.count = 0;
    const slow = queue("evt_slow");
    await nextTurn(); // its batch is committing now
    const later: ReturnType<typeof queue>[] = [];
    for (const id of ["evt_x", "evt_y", "evt_z"]) {
      later.push(queue(id));
      await nextTurn();
    }
    const results = await Promise.all([slow, ...later]);
    expect(results.map((r) => r.outcome)).toEqual(["accepted", "accepted", "accepted", "accepted"]);
    expect(transactions.count).toBe(2);
    expect((await stored()).map((r) => r.id)).toEqual(["evt_slow", "evt_x", "evt_y", "evt_z"]);
  });
});

describe("ingestEventQueued: storage failures", () => {
  // A real SQLITE_FULL: the file may not grow by a page, and the big bodies need many.
  const capDatabase = () => {
    const pages = db.$client.pragma("page_count", { simple: true }) as number;
    db.$client.pragma(`max_page_count = ${pages}`);
  };
  const uncap = () => db.$client.pragma("max_page_count = 4294967294");
  const queueBig = (eventId: string) => {
    const body = fixtureNow("sync-hubspot-pull-clean");
    const parsed = parseIntegrationEvent(body);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    return ingestEventQueued({
      eventId,
      body: JSON.stringify({ ...body, padding: "x".repeat(4_000_000) }),
      event: parsed.event,
      now: new Date(),
    });
  };

  // max_page_count is SQLite's; on PostgreSQL the batch loses its connection instead (the next test)
  it.skipIf(engine === "postgres")(
    "a full database fails every event of the batch as a storage failure, stores nothing, and the queue goes on",
    async () => {
      capDatabase();
      let outcomes: PromiseSettledResult<unknown>[];
      try {
        outcomes = await Promise.allSettled([queue("evt_small_1"), queueBig("evt_big"), queue("evt_small_2")]);
      } finally {
        uncap();
      }
      expect(outcomes.map((o) => o.status)).toEqual(["rejected", "rejected", "rejected"]);
      for (const o of outcomes) expect(storageFailure((o as PromiseRejectedResult).reason)).toBe("full");
      expect(await stored()).toEqual([]);

      const again = await Promise.all([queue("evt_small_1"), queueBig("evt_big"), queue("evt_small_2")]);
      expect(again.map((r) => r.outcome)).toEqual(["accepted", "accepted", "accepted"]);
      expect((await stored()).map((r) => r.id)).toEqual(["evt_big", "evt_small_1", "evt_small_2"]);
    },
  );

  it.runIf(engine === "postgres")(
    "a connection the server ends mid-batch (a failover) fails every event of it as a storage failure, stores nothing, and the queue goes on",
    async () => {
      // Another session holds the events table, so the batch waits at its first insert; then the
      // server ends the batch's connection, as a restart or failover does.
      const blocker = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await blocker.connect();
      let outcomes: PromiseSettledResult<unknown>[];
      try {
        await blocker.query("begin");
        await blocker.query("lock table events in exclusive mode");
        const settled = Promise.allSettled([queue("evt_small_1"), queueBig("evt_big"), queue("evt_small_2")]);
        const waiting = await backendWaitingOnLock(blocker);
        const { rows } = await blocker.query("select pg_terminate_backend($1) as ended", [waiting]);
        expect(rows[0].ended).toBe(true);
        await blocker.query("rollback");
        outcomes = await settled;
      } finally {
        await blocker.end();
      }
      expect(outcomes.map((o) => o.status)).toEqual(["rejected", "rejected", "rejected"]);
      for (const o of outcomes) {
        const reason = (o as PromiseRejectedResult).reason;
        expect(isStorageUnavailable(reason)).toBe(true);
        expect(storageFailure(reason)).toBe("unreachable");
      }
      expect(await stored()).toEqual([]);

      const again = await Promise.all([queue("evt_small_1"), queueBig("evt_big"), queue("evt_small_2")]);
      expect(again.map((r) => r.outcome)).toEqual(["accepted", "accepted", "accepted"]);
      expect((await stored()).map((r) => r.id)).toEqual(["evt_big", "evt_small_1", "evt_small_2"]);
    },
  );
});

/** The server process of the first other session of this database that waits for a lock. */
async function backendWaitingOnLock(client: pg.Client): Promise<number> {
  for (let tries = 0; tries < 500; tries++) {
    const { rows } = await client.query<{ pid: number }>(
      "select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock' limit 1",
    );
    if (rows[0]) return rows[0].pid;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("no session waited for the lock");
}
