import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.DATABASE_URL = `/tmp/switchboard-planner-${process.pid}-${Date.now()}.db`;
  process.env.NOTIFICATIONS_BCC = "escalations@switchboard.local";
  process.env.APP_URL = "https://switchboard.example";
});

import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { messages, notificationRecords, notifications, reportRecipients, reportSettings, users } from "@/db/schema";
import { planNotification } from "./planner";
import { prepareTestDatabase, removeTestDatabase } from "../testing/test-database";

const now = new Date("2026-11-27T12:00:00Z");

function planTest(records?: { code: string; message: string; recordId: string }[]) {
  return db.transaction((tx) =>
    planNotification(tx, {
      companyId: "acme",
      kind: "test",
      now,
      records,
      buildProps: () => ({ requestedBy: { name: "Ada Admin", email: "admin@acme.test" }, sentAt: now.toISOString(), recipients: [] }),
    }),
  );
}

const messagesOf = (notificationId: string) =>
  db.select().from(messages).where(eq(messages.notificationId, notificationId)).orderBy(messages.part).all();

beforeAll(() => prepareTestDatabase(db));
afterAll(() => removeTestDatabase(db));
beforeEach(() => {
  db.update(reportSettings)
    .set({ roles: ["company_admin"], escalationBcc: null })
    .run();
  db.delete(reportRecipients).run();
  db.delete(users)
    .where(sql`${users.id} like 'usr_bulk_%'`)
    .run();
});

describe("planNotification", () => {
  it("addresses the resolved recipients with the default BCC and the common props", () => {
    const planned = planTest();
    const [message] = messagesOf(planned.notificationId);
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
    const notification = db.select().from(notifications).where(eq(notifications.id, planned.notificationId)).get()!;
    expect(notification.props).toMatchObject({
      appUrl: "https://switchboard.example",
      company: { id: "acme", name: "Acme Dialers", timeZone: "America/New_York" },
      reason: { roles: ["company_admin"], additional: false, noRecipients: false },
      reportSettingsUrl: "https://switchboard.example/account/report-settings",
      requestedBy: { name: "Ada Admin", email: "admin@acme.test" },
    });
  });

  it("uses the company's BCC override and marks additional recipients", () => {
    db.update(reportSettings).set({ escalationBcc: "oncall@acme.test" }).where(eq(reportSettings.companyId, "acme")).run();
    db.insert(reportRecipients).values({ companyId: "acme", userId: "usr_acme_agent" }).run();
    const planned = planTest();
    const [message] = messagesOf(planned.notificationId);
    expect(message.bcc).toBe("oncall@acme.test");
    expect([...message.to].sort()).toEqual(["admin@acme.test", "agent@acme.test"]);
    const notification = db.select().from(notifications).where(eq(notifications.id, planned.notificationId)).get()!;
    expect((notification.props as { reason: { additional: boolean } }).reason.additional).toBe(true);
  });

  it("splits 120 recipients into three messages, BCC on the first only, one key each", () => {
    const at = new Date();
    db.insert(users)
      .values(
        Array.from({ length: 119 }, (_, i) => ({
          id: `usr_bulk_${i}`,
          name: `Bulk ${String(i).padStart(3, "0")}`,
          email: `bulk${i}@acme.test`,
          companyId: "acme",
          role: "company_supervisor" as const,
          createdAt: at,
          updatedAt: at,
        })),
      )
      .run();
    db.update(reportSettings)
      .set({ roles: ["company_admin", "company_supervisor"] })
      .where(eq(reportSettings.companyId, "acme"))
      .run();
    const planned = planTest();
    const parts = messagesOf(planned.notificationId);
    // 119 bulk supervisors + Sue Pervisor (supervisor) + Ada Admin = 121 → 50 + 50 + 21
    expect(parts.map((m) => m.to.length)).toEqual([50, 50, 21]);
    expect(parts.map((m) => m.bcc)).toEqual(["escalations@switchboard.local", null, null]);
    expect(new Set(parts.map((m) => m.idempotencyKey)).size).toBe(3);
    expect(new Set(parts.flatMap((m) => m.to)).size).toBe(121);
    expect(planned.messageIds).toEqual(parts.map((m) => m.id));
  });

  it("sends to the escalation address, without BCC, flagged, when nobody resolves", () => {
    db.update(reportSettings).set({ roles: [] }).where(eq(reportSettings.companyId, "acme")).run();
    const planned = planTest();
    const [message, more] = messagesOf(planned.notificationId);
    expect(more).toBeUndefined();
    expect(message).toMatchObject({ to: ["escalations@switchboard.local"], bcc: null, noRecipients: true });
    const notification = db.select().from(notifications).where(eq(notifications.id, planned.notificationId)).get()!;
    expect(notification.noRecipients).toBe(true);
    expect((notification.props as { reason: { noRecipients: boolean } }).reason.noRecipients).toBe(true);
  });

  it("a recipients override addresses exactly those people, without the escalation BCC", () => {
    const planned = db.transaction((tx) =>
      planNotification(tx, {
        companyId: "acme",
        kind: "test",
        now,
        recipientsOverride: ["viewer@acme.test"],
        buildProps: ({ recipients }) => ({ requestedBy: { name: "V", email: "viewer@acme.test" }, sentAt: now.toISOString(), recipients }),
      }),
    );
    const [message, more] = messagesOf(planned.notificationId);
    expect(more).toBeUndefined();
    expect(message).toMatchObject({ to: ["viewer@acme.test"], bcc: null, noRecipients: false });
  });

  it("stores the affected records with the notification", () => {
    const records = Array.from({ length: 450 }, (_, i) => ({ recordId: `r${i}`, code: i % 2 ? "A" : "B", message: `m${i}` }));
    const planned = planTest(records);
    const stored = db.select().from(notificationRecords).where(eq(notificationRecords.notificationId, planned.notificationId)).all();
    expect(stored).toHaveLength(450);
    const notification = db.select().from(notifications).where(eq(notifications.id, planned.notificationId)).get()!;
    expect(notification.recordCount).toBe(450);
  });

  it("joins the caller's transaction: a rollback leaves nothing behind", () => {
    const count = () =>
      db
        .select({ n: sql<number>`count(*)` })
        .from(messages)
        .get()!.n;
    const before = count();
    expect(() =>
      db.transaction((tx) => {
        planNotification(tx, {
          companyId: "acme",
          kind: "test",
          now,
          buildProps: () => ({ requestedBy: { name: "x", email: "x@x.test" }, sentAt: "", recipients: [] }),
        });
        throw new Error("the caller's change failed");
      }),
    ).toThrow("the caller's change failed");
    expect(count()).toBe(before);
  });

  it("refuses a CRM kind without a provider and an unknown company", () => {
    expect(() =>
      db.transaction((tx) =>
        planNotification(tx, {
          companyId: "acme",
          kind: "integration_enabled",
          now,
          buildProps: () => ({ occurredAt: "", via: "admin" as const, settingsUrl: "" }),
        }),
      ),
    ).toThrow(/needs a provider/);
    expect(() =>
      db.transaction((tx) =>
        planNotification(tx, {
          companyId: "nope",
          kind: "test",
          now,
          buildProps: () => ({ requestedBy: { name: "x", email: "x@x.test" }, sentAt: "", recipients: [] }),
        }),
      ),
    ).toThrow(/unknown company/);
  });
});
