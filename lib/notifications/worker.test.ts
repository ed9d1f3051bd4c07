import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

const standIn = await vi.hoisted(async () => {
  const { ResendStandIn } = await import("@/lib/testing/resend-stand-in");
  const server = await ResendStandIn.start();
  (await import("@/lib/testing/test-database-url")).useTestDatabaseUrl("worker");
  process.env.RESEND_API_KEY = "re_test";
  process.env.RESEND_BASE_URL = server.url;
  process.env.DELIVERY_TIMEOUT_MS = "1000";
  return server;
});

import { asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { transaction } from "@/db/queries/tx";
import { messageAttempts, messageBodies, messages, users, reportSettings } from "@/db/schema";
import { planNotification } from "./planner";
import { renderEmail } from "./render";
import { sendEmail } from "./transport";
import { createOutboxWorker, type WorkerOptions } from "./worker";
import { prepareTestDatabase, removeTestDatabase } from "../testing/test-database";

const T0 = new Date("2026-11-27T12:00:00Z");
let clock = T0;
const at = (ms: number) => (clock = new Date(T0.getTime() + ms));

function worker(extra: WorkerOptions = {}) {
  return createOutboxWorker({
    now: () => clock,
    random: () => 0.5,
    backoffBaseMs: 1_000,
    backoffCapMs: 8_000,
    maxAttempts: 4,
    giveUpAfterMs: 24 * 3_600_000,
    leaseMs: 10_000,
    log: () => undefined,
    ...extra,
  });
}

async function plan(): Promise<string> {
  const planned = await transaction(
    async (tx) =>
      await planNotification(tx, {
        companyId: "acme",
        kind: "test",
        now: clock,
        buildProps: () => ({
          requestedBy: { name: "Ada Admin", email: "admin@acme.test" },
          sentAt: clock.toISOString(),
          recipients: ["admin@acme.test"],
        }),
      }),
  );
  return planned.messageIds[0];
}

async function message(id: string) {
  const [row] = await db.select().from(messages).where(eq(messages.id, id)).limit(1);
  return row!;
}
const attempts = async (id: string) =>
  await db.select().from(messageAttempts).where(eq(messageAttempts.messageId, id)).orderBy(asc(messageAttempts.id));

beforeAll(async () => {
  await prepareTestDatabase(db);
});
afterAll(async () => {
  await standIn.stop();
  await removeTestDatabase(db);
});
beforeEach(async () => {
  await standIn.up();
  standIn.reset();
  at(0);
  await db.delete(messageAttempts);
  await db.delete(messageBodies);
  await db.delete(messages);
});

describe("outbox worker against the Resend stand-in", () => {
  it("500, 500, 200 → one email, three attempts, one idempotency key, backoff between them", async () => {
    const id = await plan();
    standIn.script({ kind: "status", status: 500 }, { kind: "status", status: 500 });
    const w = worker();
    expect(await w.runOnce()).toBe(1);
    expect(await message(id)).toMatchObject({ status: "queued", attempts: 1, nextAttemptAt: new Date(T0.getTime() + 500) });
    expect(await w.runOnce()).toBe(0); // not due yet
    at(500);
    await w.runOnce();
    expect(await message(id)).toMatchObject({ status: "queued", attempts: 2, nextAttemptAt: new Date(T0.getTime() + 1_500) });
    at(1_500);
    await w.runOnce();
    const sent = await message(id);
    expect(sent).toMatchObject({ status: "sent", attempts: 3, transport: "resend", lastError: null });
    expect(standIn.emails).toHaveLength(1);
    expect(sent.providerMessageId).toBe(standIn.emails[0].id);
    expect(standIn.requests.map((r) => r.idempotencyKey)).toEqual([id, id, id]);
    expect((await attempts(id)).map((a) => [a.outcome, a.statusCode, a.idempotencyKey])).toEqual([
      ["retry", 500, id],
      ["retry", 500, id],
      ["sent", null, id],
    ]);
  });

  it("sends the stored payload: exact subject, HTML, text, To and BCC", async () => {
    const id = await plan();
    await worker().runOnce();
    const [body] = await db.select().from(messageBodies).where(eq(messageBodies.messageId, id)).limit(1);
    const [email] = standIn.emails;
    expect(email).toMatchObject({
      subject: body.subject,
      html: body.html,
      text: body.text,
      from: body.from,
      to: ["admin@acme.test"],
      bcc: ["escalations@switchboard.local"],
    });
    expect((await message(id)).subject).toBe(body.subject);
    expect(body.subject).toMatch(/test email/i);
  });

  it("renders and sends outside any transaction: both may read the database themselves", async () => {
    const id = await plan();
    const seen: string[] = [];
    await worker({
      render: async (email) => {
        seen.push(`render: ${(await message(id)).status}`);
        return await renderEmail(email);
      },
      send: async (payload, options) => {
        seen.push(`send: ${(await message(id)).status}`);
        return await sendEmail(payload, options);
      },
    }).runOnce();
    expect(seen).toEqual(["render: queued", "send: queued"]);
    expect(await message(id)).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("429 with retry-after 2 waits 2 s and does not use up an attempt", async () => {
    const id = await plan();
    standIn.script({ kind: "rate_limit", retryAfter: "2" });
    const w = worker();
    await w.runOnce();
    expect(await message(id)).toMatchObject({ status: "queued", attempts: 0, nextAttemptAt: new Date(T0.getTime() + 2_000) });
    at(1_999);
    expect(await w.runOnce()).toBe(0);
    at(2_000);
    await w.runOnce();
    expect(await message(id)).toMatchObject({ status: "sent", attempts: 1 });
    expect((await attempts(id)).map((a) => a.outcome)).toEqual(["rate_limited", "sent"]);
  });

  it("rate limits never exhaust the attempt budget", async () => {
    const id = await plan();
    standIn.script(...Array.from({ length: 6 }, () => ({ kind: "rate_limit" as const, retryAfter: "1" })), { kind: "status", status: 503 });
    const w = worker({ maxAttempts: 2 });
    for (let t = 0; (await message(id)).status === "queued" && t < 60_000; t += 1_000) {
      at(t);
      await w.runOnce();
    }
    expect(await message(id)).toMatchObject({ status: "sent", attempts: 2 });
    expect(standIn.emails).toHaveLength(1);
  });

  it("another 4xx is final: failed after one attempt, with the provider's message", async () => {
    const id = await plan();
    standIn.script({ kind: "status", status: 422, name: "validation_error", message: "Invalid `to` field." });
    await worker().runOnce();
    expect(await message(id)).toMatchObject({ status: "failed", attempts: 1, lastError: "validation_error: Invalid `to` field." });
    expect((await attempts(id)).map((a) => [a.outcome, a.statusCode])).toEqual([["failed", 422]]);
  });

  it("fails after the last attempt", async () => {
    const id = await plan();
    standIn.script(...Array.from({ length: 10 }, () => ({ kind: "status" as const, status: 500 })));
    const w = worker();
    for (let t = 0; (await message(id)).status === "queued"; t += 10_000) {
      at(t);
      await w.runOnce();
    }
    expect(await message(id)).toMatchObject({ status: "failed", attempts: 4 });
    expect((await message(id)).lastError).toMatch(/gave up after 4 attempts/);
    expect(standIn.requests).toHaveLength(4);
  });

  it("gives up when still unsent 24 h after it was planned", async () => {
    const id = await plan();
    await standIn.down();
    const w = worker({ maxAttempts: 1_000 });
    await w.runOnce();
    expect(await message(id)).toMatchObject({ status: "queued", attempts: 1 });
    expect((await message(id)).lastError).toMatch(/Network error/);
    at(24 * 3_600_000);
    await w.runOnce();
    expect((await message(id)).status).toBe("failed");
    expect((await message(id)).lastError).toMatch(/Still unsent 24 h/);
  });

  it("a hung request times out and is retried; a dropped connection and malformed JSON are retried", async () => {
    const id = await plan();
    standIn.script({ kind: "hang" }, { kind: "drop" }, { kind: "malformed" });
    const w = worker();
    for (let t = 0; (await message(id)).status === "queued" && t < 60_000; t += 5_000) {
      at(t);
      await w.runOnce();
    }
    expect(await message(id)).toMatchObject({ status: "sent", attempts: 4 });
    expect((await attempts(id))[0].error).toMatch(/Timed out after 1000 ms/);
    expect(standIn.emails).toHaveLength(1);
  });

  it("a crash between send and record never emails twice: the retry reuses the key and the first id", async () => {
    const id = await plan();
    const crashing = worker({
      send: async (payload, options) => {
        await sendEmail(payload, options);
        throw new Error("process died before recording");
      },
    });
    await crashing.runOnce();
    expect(standIn.emails).toHaveLength(1);
    expect(await message(id)).toMatchObject({ status: "queued", attempts: 0 });
    const survivor = worker();
    at(5_000);
    expect(await survivor.runOnce()).toBe(0); // the dead worker's lease still holds
    at(10_001);
    expect(await survivor.runOnce()).toBe(1);
    expect(standIn.emails).toHaveLength(1);
    expect(standIn.requests.map((r) => r.behavior)).toEqual(["sent", "idempotent-replay"]);
    expect(await message(id)).toMatchObject({ status: "sent", providerMessageId: standIn.emails[0].id });
  });

  it("two workers never send one message twice", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push(await plan());
    const statuses = async () => (await Promise.all(ids.map(message))).map((m) => m.status);
    const a = worker({ batchSize: 7 });
    const b = worker({ batchSize: 7 });
    const drain = async (w: ReturnType<typeof worker>) => {
      while ((await w.runOnce()) > 0);
    };
    // a slow machine may time some sends out: those retry later, under the same key
    for (let t = 0; (await statuses()).includes("queued") && t < 600_000; t += 10_000) {
      at(t);
      await Promise.all([drain(a), drain(b), drain(a), drain(b)]);
    }
    expect((await Promise.all(ids.map(message))).filter((m) => m.status !== "sent").map((m) => m.lastError)).toEqual([]);
    expect(standIn.emails).toHaveLength(40);
    expect(new Set(standIn.emails.map((e) => e.idempotencyKey)).size).toBe(40);
    // every request beyond the 40 first ones is a same-key retry answered with the first id
    expect(standIn.requests.filter((r) => r.behavior !== "sent" && r.behavior !== "idempotent-replay")).toEqual([]);
  });

  it("renders a notification once, even when it splits into several messages", async () => {
    const now = new Date();
    await db.insert(users).values(
      Array.from({ length: 60 }, (_, i) => ({
        id: `usr_w_${i}`,
        name: `W ${i}`,
        email: `w${i}@acme.test`,
        companyId: "acme",
        role: "company_supervisor" as const,
        createdAt: now,
        updatedAt: now,
      })),
    );
    await db
      .update(reportSettings)
      .set({ roles: ["company_admin", "company_supervisor"] })
      .where(eq(reportSettings.companyId, "acme"));
    await plan();
    const render = vi.fn(renderEmail);
    await worker({ render }).runOnce();
    expect(render).toHaveBeenCalledTimes(1);
    // the two parts go out side by side, so either may reach the provider first: the BCC rides on the first part
    const parts = standIn.emails.map((e) => [e.to.length, e.bcc.length]).sort((a, b) => b[0] - a[0]);
    expect(parts).toEqual([
      [50, 1],
      [12, 0],
    ]);
    await db
      .update(reportSettings)
      .set({ roles: ["company_admin"] })
      .where(eq(reportSettings.companyId, "acme"));
  });
});
