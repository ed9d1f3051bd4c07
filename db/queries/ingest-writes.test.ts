import { describe, expect, it, vi } from "vitest";

await vi.hoisted(async () => {
  (await import("@/lib/testing/test-database-url")).useTestDatabaseUrl("ingest-writes");
});

import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { engine } from "@/db/engine";
import { useDemoDatabase } from "@/lib/testing/test-database";
import { auditLog, events, messages, notificationRecords, notifications } from "@/db/schema";
import { insertAudit } from "./audit";
import { insertEventOnce } from "./events";
import { insertMessages, insertNotification, insertNotificationRecords } from "./notifications";
import { transaction } from "./tx";

/*
 * The rows every ingested event writes (its event, notification, records,
 * messages and audit row), stored as the rest of the code reads them back:
 * column defaults, JSON, booleans and timestamps, and real NULLs.
 */

useDemoDatabase(db);

/** The first row of a query as the engine's own driver returns it, without drizzle's mapping of columns to values. */
async function rawRow(query: string): Promise<unknown> {
  if (engine === "sqlite") return db.$client.prepare(query).get();
  const pool = db.$client as unknown as { query(text: string): Promise<{ rows: unknown[] }> };
  return (await pool.query(query)).rows[0];
}

const now = new Date("2026-11-27T10:00:00.000Z");

describe("the writes of an ingested event", () => {
  it("stores a notification and its messages with their defaults, JSON, booleans and timestamps", async () => {
    await transaction(async (tx) => {
      await insertNotification({
        tx,
        row: { id: "ntf_1", companyId: "acme", provider: "hubspot", kind: "sync_report", props: { a: [1, "x"] }, createdAt: now },
      });
      await insertMessages({
        tx,
        rows: [
          {
            id: "msg_1",
            notificationId: "ntf_1",
            companyId: "acme",
            kind: "sync_report",
            provider: "hubspot",
            to: ["ada@acme.example", "bo@acme.example"],
            bcc: null,
            noRecipients: true,
            idempotencyKey: "msg_1",
            nextAttemptAt: now,
            plannedAt: now,
            updatedAt: now,
          },
        ],
      });
    });
    const [n] = await db.select().from(notifications).where(eq(notifications.id, "ntf_1"));
    expect(n).toMatchObject({ props: { a: [1, "x"] }, noRecipients: false, recordCount: 0, digestStatus: null, createdAt: now });
    const [m] = await db.select().from(messages).where(eq(messages.id, "msg_1"));
    expect(m).toMatchObject({
      to: ["ada@acme.example", "bo@acme.example"],
      noRecipients: true,
      status: "queued",
      part: 1,
      attempts: 0,
      sentAt: null,
    });
    expect(m!.plannedAt.getTime()).toBe(now.getTime());
    // what the engine holds: real NULLs, not "null" strings; SQLite's integers, PostgreSQL's boolean and timestamptz
    const raw = await rawRow("select bcc, no_recipients, planned_at from messages where id = 'msg_1'");
    expect(raw).toEqual(
      engine === "postgres"
        ? { bcc: null, no_recipients: true, planned_at: now }
        : { bcc: null, no_recipients: 1, planned_at: now.getTime() },
    );
  });

  it("writes NULL, not JSON null, for an empty JSON column", async () => {
    await transaction(async (tx) => {
      await insertAudit({
        tx,
        companyId: "acme",
        actor: { type: "system", label: "t" },
        action: "a",
        entity: "e",
        before: null,
        after: { x: 1 },
        at: now,
      });
    });
    // PostgreSQL's driver would read JSON null and NULL alike, so the server tells them apart
    if (engine === "postgres") {
      expect(await rawRow("select before is null as before_is_null, after::text as after from audit_log")).toEqual({
        before_is_null: true,
        after: '{"x": 1}',
      });
    } else {
      expect(await rawRow("select before, after from audit_log")).toEqual({ before: null, after: '{"x":1}' });
    }
    expect(await db.select({ before: auditLog.before, after: auditLog.after }).from(auditLog)).toEqual([{ before: null, after: { x: 1 } }]);
  });

  it("skips an event whose id is taken, and says so", async () => {
    const row = {
      id: "evt_1",
      companyId: "acme",
      provider: "hubspot" as const,
      type: "sync.completed" as const,
      occurredAt: now,
      receivedAt: now,
      body: "{}",
    };
    expect(await transaction((tx) => insertEventOnce({ tx, row }))).toBe(true);
    expect(await transaction((tx) => insertEventOnce({ tx, row: { ...row, body: '{"second":true}' } }))).toBe(false);
    expect(await db.select().from(events)).toEqual([expect.objectContaining({ id: "evt_1", body: "{}" })]);
  });

  it("fails on a missing required column instead of inventing a value", async () => {
    await expect(
      transaction((tx) =>
        insertNotification({ tx, row: { id: "ntf_2", companyId: "acme", kind: "sync_report", createdAt: now } as never }),
      ),
    ).rejects.toMatchObject({
      cause: expect.objectContaining({ message: expect.stringMatching(/NOT NULL|violates not-null constraint/) }),
    });
  });

  it("stores every record of a large event, in order, across several INSERTs", async () => {
    const records = Array.from({ length: 1_234 }, (_, i) => ({
      recordId: `r${i}`,
      code: i % 2 ? "E_TYPE" : "E_MISSING",
      message: `m${i}`,
    }));
    await transaction(async (tx) => {
      await insertNotification({
        tx,
        row: { id: "ntf_3", companyId: "acme", provider: "hubspot", kind: "mapping_errors", props: {}, createdAt: now },
      });
      await insertNotificationRecords({ tx, notificationId: "ntf_3", records });
    });
    const stored = await db
      .select({ recordId: notificationRecords.recordId, recordName: notificationRecords.recordName, code: notificationRecords.code })
      .from(notificationRecords)
      .where(eq(notificationRecords.notificationId, "ntf_3"))
      .orderBy(notificationRecords.id);
    expect(stored).toHaveLength(1_234);
    expect(stored.map((r) => r.recordId)).toEqual(records.map((r) => r.recordId));
    expect(stored[1]).toEqual({ recordId: "r1", recordName: null, code: "E_TYPE" });
  });
});
