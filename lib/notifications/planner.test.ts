import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

await vi.hoisted(async () => {
  (await import("@/lib/testing/test-database-url")).useTestDatabaseUrl("planner");
  process.env.NOTIFICATIONS_BCC = "escalations@switchboard.local";
  process.env.APP_URL = "https://switchboard.example";
});

import { count, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { transaction } from "@/db/queries/tx";
import { messages, notificationRecords, notifications, reportRecipients, reportSettings, users } from "@/db/schema";
import { planNotification } from "./planner";
import { prepareTestDatabase, removeTestDatabase } from "../testing/test-database";

const now = new Date("2026-11-27T12:00:00Z");

async function planTest(records?: { code: string; message: string; recordId: string }[]) {
  return await transaction(
    async (tx) =>
      await planNotification(tx, {
        companyId: "acme",
        kind: "test",
        now,
        records,
        buildProps: () => ({ requestedBy: { name: "Ada Admin", email: "admin@acme.test" }, sentAt: now.toISOString(), recipients: [] }),
      }),
  );
}

const messagesOf = async (notificationId: string) =>
  await db.select().from(messages).where(eq(messages.notificationId, notificationId)).orderBy(messages.part);

async function notificationOf(id: string) {
  const [row] = await db.select().from(notifications).where(eq(notifications.id, id)).limit(1);
  return row!;
}

beforeAll(async () => {
  await prepareTestDatabase(db);
});
afterAll(() => removeTestDatabase(db));
beforeEach(async () => {
  await db.update(reportSettings).set({ roles: ["company_admin"], escalationBcc: null });
  await db.delete(reportRecipients);
  await db.delete(users).where(sql`${users.id} like 'usr_bulk_%'`);
});

describe("planNotification", () => {
  it("addresses the resolved recipients with the default BCC and the common props", async () => {
    const planned = await planTest();
    const [message] = await messagesOf(planned.notificationId);
    expect(message).toMatchObject({
      to: ["admin@acme.test"], // former@acme.test is a deactivated admin
      bcc: "escalations@switchboard.local",
      status: "queued",
      noRecipients: false,
      kind: "test",
      companyId: "acme",
      idempotencyKey: message.id,
      plannedAt: now,
      nextAttemptAt: now,
    });
    const notification = await notificationOf(planned.notificationId);
    expect(notification.props).toMatchObject({
      appUrl: "https://switchboard.example",
      company: { id: "acme", name: "Acme Dialers", timeZone: "America/New_York" },
      reason: { roles: ["company_admin"], additional: false, noRecipients: false },
      reportSettingsUrl: "https://switchboard.example/account/report-settings",
      requestedBy: { name: "Ada Admin", email: "admin@acme.test" },
    });
  });

  it("uses the company's BCC override and marks additional recipients", async () => {
    await db.update(reportSettings).set({ escalationBcc: "oncall@acme.test" }).where(eq(reportSettings.companyId, "acme"));
    await db.insert(reportRecipients).values({ companyId: "acme", userId: "usr_acme_agent" });
    const planned = await planTest();
    const [message] = await messagesOf(planned.notificationId);
    expect(message.bcc).toBe("oncall@acme.test");
    expect([...message.to].sort()).toEqual(["admin@acme.test", "agent@acme.test"]);
    const notification = await notificationOf(planned.notificationId);
    expect((notification.props as { reason: { additional: boolean } }).reason.additional).toBe(true);
  });

  it("splits 120 recipients into three messages, BCC on the first only, one key each", async () => {
    const at = new Date();
    await db.insert(users).values(
      Array.from({ length: 119 }, (_, i) => ({
        id: `usr_bulk_${i}`,
        name: `Bulk ${String(i).padStart(3, "0")}`,
        email: `bulk${i}@acme.test`,
        companyId: "acme",
        role: "company_supervisor" as const,
        createdAt: at,
        updatedAt: at,
      })),
    );
    await db
      .update(reportSettings)
      .set({ roles: ["company_admin", "company_supervisor"] })
      .where(eq(reportSettings.companyId, "acme"));
    const planned = await planTest();
    const parts = await messagesOf(planned.notificationId);
    // 119 bulk supervisors + Sue Pervisor (supervisor) + Ada Admin = 121 → 50 + 50 + 21
    expect(parts.map((m) => m.to.length)).toEqual([50, 50, 21]);
    expect(parts.map((m) => m.bcc)).toEqual(["escalations@switchboard.local", null, null]);
    expect(new Set(parts.map((m) => m.idempotencyKey)).size).toBe(3);
    expect(new Set(parts.flatMap((m) => m.to)).size).toBe(121);
    expect(planned.messageIds).toEqual(parts.map((m) => m.id));
  });

  it("sends to the escalation address, without BCC, flagged, when nobody resolves", async () => {
    await db.update(reportSettings).set({ roles: [] }).where(eq(reportSettings.companyId, "acme"));
    const planned = await planTest();
    const [message, more] = await messagesOf(planned.notificationId);
    expect(more).toBeUndefined();
    expect(message).toMatchObject({ to: ["escalations@switchboard.local"], bcc: null, noRecipients: true });
    const notification = await notificationOf(planned.notificationId);
    expect(notification.noRecipients).toBe(true);
    expect((notification.props as { reason: { noRecipients: boolean } }).reason.noRecipients).toBe(true);
  });

  it("a recipients override addresses exactly those people, without the escalation BCC", async () => {
    const planned = await transaction(
      async (tx) =>
        await planNotification(tx, {
          companyId: "acme",
          kind: "test",
          now,
          recipientsOverride: ["viewer@acme.test"],
          buildProps: ({ recipients }) => ({
            requestedBy: { name: "V", email: "viewer@acme.test" },
            sentAt: now.toISOString(),
            recipients,
          }),
        }),
    );
    const [message, more] = await messagesOf(planned.notificationId);
    expect(more).toBeUndefined();
    expect(message).toMatchObject({ to: ["viewer@acme.test"], bcc: null, noRecipients: false });
  });

  it("stores the affected records with the notification", async () => {
    const records = Array.from({ length: 450 }, (_, i) => ({ recordId: `r${i}`, code: i % 2 ? "A" : "B", message: `m${i}` }));
    const planned = await planTest(records);
    const stored = await db.select().from(notificationRecords).where(eq(notificationRecords.notificationId, planned.notificationId));
    expect(stored).toHaveLength(450);
    const notification = await notificationOf(planned.notificationId);
    expect(notification.recordCount).toBe(450);
  });

  it("joins the caller's transaction: a rollback leaves nothing behind", async () => {
    const messageCount = async () => (await db.select({ n: count() }).from(messages))[0].n;
    const before = await messageCount();
    await expect(
      transaction(async (tx) => {
        await planNotification(tx, {
          companyId: "acme",
          kind: "test",
          now,
          buildProps: () => ({ requestedBy: { name: "x", email: "x@x.test" }, sentAt: "", recipients: [] }),
        });
        throw new Error("the caller's change failed");
      }),
    ).rejects.toThrow("the caller's change failed");
    expect(await messageCount()).toBe(before);
  });

  it("refuses a CRM kind without a provider and an unknown company", async () => {
    await expect(
      transaction(
        async (tx) =>
          await planNotification(tx, {
            companyId: "acme",
            kind: "integration_enabled",
            now,
            buildProps: () => ({ occurredAt: "", via: "admin" as const, settingsUrl: "" }),
          }),
      ),
    ).rejects.toThrow(/needs a provider/);
    await expect(
      transaction(
        async (tx) =>
          await planNotification(tx, {
            companyId: "nope",
            kind: "test",
            now,
            buildProps: () => ({ requestedBy: { name: "x", email: "x@x.test" }, sentAt: "", recipients: [] }),
          }),
      ),
    ).rejects.toThrow(/unknown company/);
  });
});
