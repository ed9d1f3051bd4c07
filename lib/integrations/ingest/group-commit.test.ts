import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.DATABASE_URL = `/tmp/switchboard-ingest-queue-${process.pid}-${Date.now()}.db`;
  process.env.APP_URL = "https://switchboard.example";
});

// One event of a batch fails halfway: after its event row is written, while planning its email.
vi.mock("@/lib/notifications/sync-report", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/notifications/sync-report")>();
  return {
    ...actual,
    planSyncReport: (input: Parameters<typeof actual.planSyncReport>[0]) => {
      if (input.eventId === "evt_bad") throw new Error("planning failed");
      return actual.planSyncReport(input);
    },
  };
});

import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { resetAllData } from "@/db/queries/system/reset";
import { prepareTestDatabase, removeTestDatabase } from "@/lib/testing/test-database";
import { fixtureNow } from "@/lib/testing/events";
import { parseIntegrationEvent } from "./events";
import { ingestEventQueued } from "./group-commit";
import { storageFailure } from "@/lib/storage-errors";

beforeAll(() => prepareTestDatabase(db));
afterAll(() => removeTestDatabase(db));
beforeEach(async () => {
  await resetAllData();
  db.run(sql`update report_settings set sync_report_mode = 'always'`);
});

function queue(eventId: string, fixture = "sync-hubspot-pull-clean") {
  const body = fixtureNow(fixture);
  const parsed = parseIntegrationEvent(body);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return ingestEventQueued({ eventId, body: JSON.stringify(body), event: parsed.event, now: new Date() });
}

const stored = () =>
  db.all<{ id: string; notifications: number; messages: number }>(
    sql`select e.id, (select count(*) from notifications n where n.event_id = e.id) as notifications,
               (select count(*) from messages m join notifications n on n.id = m.notification_id where n.event_id = e.id) as messages
        from events e order by e.id`,
  );

describe("ingestEventQueued: group commit", () => {
  it("accepts the events of one turn together, each with its notification and message", async () => {
    const results = await Promise.all(["evt_a", "evt_b", "evt_c", "evt_a"].map((id) => queue(id)));
    expect(results.map((r) => r.outcome)).toEqual(["accepted", "accepted", "accepted", "duplicate"]);
    expect(stored()).toEqual(["evt_a", "evt_b", "evt_c"].map((id) => ({ id, notifications: 1, messages: 1 })));
  });

  it("an event that fails halfway fails alone: nothing of it is stored, the rest of its batch is", async () => {
    const outcomes = await Promise.allSettled(["evt_ok_1", "evt_bad", "evt_ok_2"].map((id) => queue(id)));
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((outcomes[1] as PromiseRejectedResult).reason).toEqual(new Error("planning failed"));
    expect(stored()).toEqual([
      { id: "evt_ok_1", notifications: 1, messages: 1 },
      { id: "evt_ok_2", notifications: 1, messages: 1 },
    ]);
  });

  it("answers nobody before the commit that holds its event", async () => {
    const pending = queue("evt_later");
    expect(stored()).toEqual([]); // queued for the next turn, not yet written
    await expect(pending).resolves.toMatchObject({ outcome: "accepted" });
    expect(stored()).toEqual([{ id: "evt_later", notifications: 1, messages: 1 }]);
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

  it("a full database fails every event of the batch as a storage failure, stores nothing, and the queue goes on", async () => {
    capDatabase();
    let outcomes: PromiseSettledResult<unknown>[];
    try {
      outcomes = await Promise.allSettled([queue("evt_small_1"), queueBig("evt_big"), queue("evt_small_2")]);
    } finally {
      uncap();
    }
    expect(outcomes.map((o) => o.status)).toEqual(["rejected", "rejected", "rejected"]);
    for (const o of outcomes) expect(storageFailure((o as PromiseRejectedResult).reason)).toBe("full");
    expect(stored()).toEqual([]);

    const again = await Promise.all([queue("evt_small_1"), queueBig("evt_big"), queue("evt_small_2")]);
    expect(again.map((r) => r.outcome)).toEqual(["accepted", "accepted", "accepted"]);
    expect(stored().map((r) => r.id)).toEqual(["evt_big", "evt_small_1", "evt_small_2"]);
  });
});
