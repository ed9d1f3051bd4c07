import { beforeEach, describe, expect, it, vi } from "vitest";

await vi.hoisted(async () => {
  (await import("@/lib/testing/test-database-url")).useTestDatabaseUrl("send-budget");
});

import { db } from "@/db/client";
import { sendBudget } from "@/db/schema";
import { useDemoDatabase } from "@/lib/testing/test-database";
import { createSendPacer, localSlots } from "@/lib/notifications/send-pacer";
import { sharedSlots } from "@/lib/notifications/shared-slots";
import { pauseSends, takeSendSlot } from "./send-budget";

/*
 * The send budget is per deployment, not per process (docs/product R24): every sender takes its
 * slot from the one send_budget row, so N processes together keep to the provider's limit.
 */
useDemoDatabase(db);
beforeEach(async () => {
  await db.delete(sendBudget);
});

const T = new Date("2026-12-01T12:00:00Z").getTime();

describe("the shared send budget", () => {
  it("hands out distinct slots an interval apart to many concurrent senders", async () => {
    const slots = await Promise.all(Array.from({ length: 30 }, () => takeSendSlot({ key: "resend", now: new Date(T), intervalMs: 100 })));
    const times = slots.map((s) => s.getTime() - T).sort((a, b) => a - b);
    expect(times).toEqual(Array.from({ length: 30 }, (_, i) => i * 100));
  });

  it("starts no slot before a pause ends, and an earlier pause never shortens a later one", async () => {
    await pauseSends({ key: "resend", until: new Date(T + 5_000) });
    await pauseSends({ key: "resend", until: new Date(T + 1_000) });
    expect((await takeSendSlot({ key: "resend", now: new Date(T), intervalMs: 100 })).getTime()).toBe(T + 5_000);
    expect((await takeSendSlot({ key: "resend", now: new Date(T), intervalMs: 100 })).getTime()).toBe(T + 5_100);
  });

  it("keeps two processes' pacers together at the limit: 20 sends at 10/s take 2 s, not 1 s", async () => {
    const waits: number[] = [];
    const process = () =>
      createSendPacer({ maxPerSec: 10, now: () => T, sleep: async (ms) => void waits.push(ms), slots: sharedSlots("resend") });
    const [a, b] = [process(), process()];
    await Promise.all(Array.from({ length: 10 }, () => [a.acquire(), b.acquire()]).flat());
    expect(waits.sort((x, y) => x - y)).toEqual(Array.from({ length: 19 }, (_, i) => (i + 1) * 100));
  });

  it("at a high limit reserves a block of slots per transaction, and the processes' blocks never overlap", async () => {
    const waits: number[] = [];
    const process = () =>
      createSendPacer({ maxPerSec: 1_000, now: () => T, sleep: async (ms) => void waits.push(ms), slots: sharedSlots("resend") });
    const [a, b] = [process(), process()];
    await Promise.all(Array.from({ length: 100 }, () => [a.acquire(), b.acquire()]).flat());
    // 200 sends at 1,000/s: one every millisecond, each millisecond taken once, none wasted
    expect(waits.sort((x, y) => x - y)).toEqual(Array.from({ length: 199 }, (_, i) => i + 1));
    const [row] = await db.select().from(sendBudget);
    expect(row.nextSlotAt.getTime() - T).toBe(200);
  });

  it("reserves the next 50 ms in one transaction and drops the slots of the block that went by unused", async () => {
    const slots = sharedSlots("resend");
    expect(await slots.take(T, 1)).toBe(T);
    const [row] = await db.select().from(sendBudget);
    expect(row.nextSlotAt.getTime() - T).toBe(50);
    // 10 ms later: the slots in between are gone, the next comes from the same block
    expect(await slots.take(T + 10, 1)).toBe(T + 10);
    expect(await slots.take(T + 10, 1)).toBe(T + 11);
    const [after] = await db.select().from(sendBudget);
    expect(after.nextSlotAt.getTime() - T).toBe(50);
  });

  it("is what the pacers would exceed without it: each process alone paces only itself", async () => {
    const waits: number[] = [];
    const process = () => createSendPacer({ maxPerSec: 10, now: () => T, sleep: async (ms) => void waits.push(ms), slots: localSlots() });
    const [a, b] = [process(), process()];
    await Promise.all(Array.from({ length: 10 }, () => [a.acquire(), b.acquire()]).flat());
    // two sends in every slot: twice the provider's limit
    expect(waits.length).toBe(18);
    expect(Math.max(...waits)).toBe(900);
  });
});
