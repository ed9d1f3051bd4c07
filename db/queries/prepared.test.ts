import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.DATABASE_URL = `/tmp/switchboard-prepared-${process.pid}-${Date.now()}.db`;
});

import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { useDemoDatabase } from "@/lib/testing/test-database";
import { auditLog, events, messages, notifications } from "@/db/schema";
import { preparedInsert } from "./prepared";

useDemoDatabase(db);

const now = new Date("2026-11-27T10:00:00.000Z");
const insertNotification = preparedInsert(notifications);
const insertMessage = preparedInsert(messages);
const insertEvent = preparedInsert(events, { onConflictDoNothing: events.id });
const insertAudit = preparedInsert(auditLog);

describe("preparedInsert", () => {
  it("stores a row the way drizzle's insert would: defaults, JSON, booleans, timestamps", () => {
    insertNotification({
      id: "ntf_1",
      companyId: "acme",
      provider: "hubspot",
      kind: "sync_report",
      props: { a: [1, "x"] },
      createdAt: now,
    });
    insertMessage({
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
    });
    const n = db.select().from(notifications).where(eq(notifications.id, "ntf_1")).get()!;
    expect(n).toMatchObject({ props: { a: [1, "x"] }, noRecipients: false, recordCount: 0, digestStatus: null, createdAt: now });
    const m = db.select().from(messages).where(eq(messages.id, "msg_1")).get()!;
    expect(m).toMatchObject({
      to: ["ada@acme.example", "bo@acme.example"],
      noRecipients: true,
      status: "queued",
      part: 1,
      attempts: 0,
      sentAt: null,
    });
    expect(m.plannedAt.getTime()).toBe(now.getTime());
    // what SQLite holds: real NULLs and integers, not "null" strings
    const raw = db.$client.prepare("select bcc, no_recipients, planned_at from messages where id = 'msg_1'").get();
    expect(raw).toEqual({ bcc: null, no_recipients: 1, planned_at: now.getTime() });
  });

  it("writes NULL, not JSON null, for an empty JSON column", () => {
    insertAudit({
      companyId: "acme",
      actorType: "system",
      actorLabel: "t",
      action: "a",
      entity: "e",
      before: null,
      after: { x: 1 },
      createdAt: now,
    });
    expect(db.$client.prepare("select before, after from audit_log").get()).toEqual({ before: null, after: '{"x":1}' });
  });

  it("skips a row whose key is taken when asked to, and reports it", () => {
    const row = {
      id: "evt_1",
      companyId: "acme",
      provider: "hubspot" as const,
      type: "sync.completed" as const,
      occurredAt: now,
      receivedAt: now,
      body: "{}",
    };
    expect(insertEvent(row).changes).toBe(1);
    expect(insertEvent({ ...row, body: '{"second":true}' }).changes).toBe(0);
    expect(db.select().from(events).all()).toEqual([expect.objectContaining({ id: "evt_1", body: "{}" })]);
  });

  it("fails on a missing required column instead of inventing a value", () => {
    expect(() => insertNotification({ id: "ntf_2", companyId: "acme", kind: "sync_report", createdAt: now } as never)).toThrow(/NOT NULL/);
  });
});

describe("statement reuse", () => {
  it("hands back one compiled statement per SQL text, reset to returning objects", () => {
    const text = "select id, name from companies where id = ?";
    const first = db.$client.prepare(text);
    expect(first.raw(true).get("acme")).toEqual(["acme", expect.any(String)]);
    const again = db.$client.prepare(text);
    expect(again).toBe(first);
    expect(again.get("acme")).toEqual({ id: "acme", name: expect.any(String) });
  });

  it("never shares a statement that is still iterating", () => {
    const text = "select id from companies order by id";
    const iterating = db.$client.prepare(text).iterate();
    iterating.next();
    const other = db.$client.prepare(text);
    expect(other.all().length).toBeGreaterThan(0);
    iterating.return?.();
  });
});
