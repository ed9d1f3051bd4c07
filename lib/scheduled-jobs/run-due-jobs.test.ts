import { describe, expect, it, vi } from "vitest";

await vi.hoisted(async () => {
  (await import("@/lib/testing/test-database-url")).useTestDatabaseUrl("scheduled-jobs");
  process.env.APP_URL = "https://switchboard.example";
});

import { eq, sql, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { engine } from "@/db/engine";
import { transaction, type Executor } from "@/db/queries/tx";
import { useDemoDatabase } from "@/lib/testing/test-database";
import { messages, notifications, scheduledJobs } from "@/db/schema";
import { claimJob } from "@/db/queries/system/scheduled-jobs";
import { allJobs as jobs, at, notificationKinds as kinds, reauthAt } from "@/lib/testing/integration-status";
import { runDueJobs } from "./run-due-jobs";

const messagesOfKind = async (kind: string) =>
  await db
    .select()
    .from(messages)
    .innerJoin(notifications, eq(notifications.id, messages.notificationId))
    .where(eq(notifications.kind, kind as "test"));

useDemoDatabase(db);

/**
 * Writes rows whose company is gone, as if deleted behind the app's back: each engine's own
 * switch turns the foreign-key checks off for these writes only. SQLite's pragma takes effect
 * outside a transaction; PostgreSQL's replica role skips the foreign-key triggers until the
 * transaction ends (the test server's user is a superuser).
 */
async function insertOrphans(write: (tx: Executor) => Promise<void>): Promise<void> {
  if (engine === "postgres") {
    await transaction(async (tx) => {
      await (tx as unknown as { execute(query: SQL): Promise<unknown> }).execute(sql`set local session_replication_role = replica`);
      await write(tx);
    });
    return;
  }
  db.$client.pragma("foreign_keys = OFF");
  try {
    await transaction(write);
  } finally {
    db.$client.pragma("foreign_keys = ON");
  }
}

describe("scheduled jobs (docs/product R22, R23)", () => {
  it("a job is claimed once: a second claim of the same job finds nothing", async () => {
    await reauthAt(0);
    const [reminder] = await jobs();
    const first = await transaction(async (tx) => await claimJob({ tx, id: reminder.id, now: at(48) }));
    const second = await transaction(async (tx) => await claimJob({ tx, id: reminder.id, now: at(48) }));
    expect(first?.id).toBe(reminder.id);
    expect(second).toBeUndefined();
    // not due yet: not claimable either
    const [, deadline] = await jobs();
    expect(await transaction(async (tx) => await claimJob({ tx, id: deadline.id, now: at(71) }))).toBeUndefined();
  });

  it("a failing job is retried later, then left failed with its error, and never blocks the others", async () => {
    await reauthAt(0);
    // a digest of a company that no longer exists: planning it throws
    await insertOrphans(async (tx) => {
      await tx.insert(notifications).values({
        id: "ntf_ghost",
        companyId: "ghost",
        provider: "hubspot",
        kind: "mapping_errors",
        props: {},
        digestKey: "push:contact",
        digestStatus: "open",
        windowClosesAt: at(47),
        createdAt: at(46),
      });
      await tx
        .insert(scheduledJobs)
        .values({ companyId: "ghost", kind: "digest_close", notificationId: "ntf_ghost", dueAt: at(47), createdAt: at(46) });
    });
    const logs: string[] = [];
    const first = await runDueJobs({ now: at(48), log: (l) => logs.push(l) });
    expect(first.ran).toBe(1); // the reminder went out regardless
    expect(await kinds()).toEqual(["reauth_required", "reauth_reminder"]);
    const ghost = async () => (await jobs()).find((j) => j.notificationId === "ntf_ghost")!;
    expect(await ghost()).toMatchObject({ status: "pending", attempts: 1, dueAt: new Date(at(48).getTime() + 60_000) });
    expect((await ghost()).lastError).toMatch(/unknown company ghost/);
    expect(logs[0]).toMatch(/failed \(attempt 1, retrying at/);
    // the rolled-back attempt left the digest open for the retry
    const [digest] = await db.select().from(notifications).where(eq(notifications.id, "ntf_ghost")).limit(1);
    expect(digest.digestStatus).toBe("open");
    for (let i = 0; i < 4; i++) await runDueJobs({ now: at(100 + i), log: () => undefined });
    expect(await ghost()).toMatchObject({ status: "failed", attempts: 5 });
    expect(await messagesOfKind("mapping_errors")).toHaveLength(0);
  });
});
