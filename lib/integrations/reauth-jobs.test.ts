import { describe, expect, it, vi } from "vitest";

await vi.hoisted(async () => {
  (await import("@/lib/testing/test-database-url")).useTestDatabaseUrl("reauth-jobs");
  process.env.APP_URL = "https://switchboard.example";
});

import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { engine } from "@/db/engine";
import { useDemoDatabase } from "@/lib/testing/test-database";
import { auditLog, notifications, scheduledJobs } from "@/db/schema";
import { fixtureNow } from "@/lib/testing/events";
import {
  scenarioAdmin as admin,
  scenarioIntegration as integration,
  allJobs as jobs,
  at,
  ingest,
  notificationKinds as kinds,
  reauthAt,
  runJobsAt as run,
} from "@/lib/testing/integration-status";
import { findGalleryVariant } from "@/lib/notifications/gallery";
import { queueEmailPreview } from "@/lib/notifications/send-preview";

/* The re-auth timers as they come due (./reauth-jobs.ts); while the integration is switched off: reauth-while-disabled.test.ts. */

const notificationOf = async (kind: (typeof notifications.$inferSelect)["kind"]) =>
  (await db.select().from(notifications).where(eq(notifications.kind, kind)).limit(1))[0];

useDemoDatabase(db);

describe("re-auth timers (docs/product R22)", () => {
  it("re-auth at T: the reminder at T+48 h, once; disabled with its email at T+72 h", async () => {
    await reauthAt(0);
    expect(await kinds()).toEqual(["reauth_required"]);
    expect(await run(47.9)).toEqual({ ran: 0, messageIds: [] });

    const reminder = await run(48);
    expect(reminder.ran).toBe(1);
    expect(reminder.messageIds).toHaveLength(1);
    expect(await kinds()).toEqual(["reauth_required", "reauth_reminder"]);
    const props = (await notificationOf("reauth_reminder")).props as Record<string, unknown>;
    expect(props).toMatchObject({
      stage: "reminder",
      reauthReason: "token_revoked",
      deadline: at(72).toISOString(),
      occurredAt: at(0).toISOString(),
      deadlinePassed: false,
      reconnectUrl: "https://switchboard.example/integrations?reconnect=hubspot",
    });
    expect(props.providerError).toContain("BAD_REFRESH_TOKEN"); // repeated from the alert, encoded once
    expect(String(props.providerError).startsWith('"')).toBe(false);
    expect(await run(60)).toEqual({ ran: 0, messageIds: [] }); // sent once
    expect((await integration()).status).toBe("needs_reauth");

    const deadline = await run(72);
    expect(deadline.ran).toBe(1);
    expect(deadline.messageIds).toHaveLength(1);
    expect(await integration()).toMatchObject({
      status: "disabled",
      statusReason: "reauth_deadline_passed",
      disabledBy: "auth",
      reauthAlertOpenedAt: null,
      reauthDeadlineAt: null,
      statusChangedAt: at(72),
    });
    expect(await kinds()).toEqual(["reauth_required", "reauth_reminder", "integration_disabled"]);
    const disabled = (await notificationOf("integration_disabled")).props;
    expect(disabled).toMatchObject({ disableReason: "reauth_deadline_passed", needsReconnect: true });
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, "integration.disabled"));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorType: "system", actorId: "scheduler", entity: "integration:hubspot" });
    expect((await jobs()).map((j) => [j.kind, j.status])).toEqual([
      ["reauth_reminder", "done"],
      ["reauth_deadline", "done"],
    ]);
    expect(await run(200)).toEqual({ ran: 0, messageIds: [] });
  });

  it("a gallery preview of a re-auth alert sent meanwhile is not what the reminder repeats", async () => {
    await reauthAt(0);
    const acme = { id: "acme", name: "Acme Dialers", timeZone: "America/New_York" };
    await queueEmailPreview({ variant: findGalleryVariant("reauth-scopes-no-admins")!, company: acme, requestedBy: admin, now: at(10) });
    await run(48);
    const reminder = await notificationOf("reauth_reminder");
    expect(reminder.preview).toBe(false);
    expect(reminder.props).toMatchObject({ reauthReason: "token_revoked", deadline: at(72).toISOString() });
    expect((reminder.props as { galleryPreview?: unknown }).galleryPreview).toBeUndefined();
  });

  it("re-auth at T, restored at T+60 h: no disable, nothing more at T+72 h", async () => {
    await reauthAt(0);
    await run(48);
    const restored = await ingest(fixtureNow("auth-restored-hubspot", at(60)), { now: at(60) });
    expect(restored.outcome === "accepted" && restored.messageIds).toHaveLength(1);
    expect((await jobs()).map((j) => [j.kind, j.status])).toEqual([
      ["reauth_reminder", "done"],
      ["reauth_deadline", "cancelled"],
    ]);
    expect(await run(72)).toEqual({ ran: 0, messageIds: [] });
    expect(await run(500)).toEqual({ ran: 0, messageIds: [] });
    expect((await integration()).status).toBe("connected");
    expect(await kinds()).toEqual(["reauth_required", "reauth_reminder", "auth_restored"]);
  });

  it("a deadline already past on arrival: the alert says so, disabled at once, no timer left to fire", async () => {
    const late = fixtureNow("reauth-salesforce-refresh-expired", at(-80));
    delete late.data.deadline;
    const result = await ingest(late, { now: at(0) });
    expect(result.outcome === "accepted" && result.messageIds).toHaveLength(2);
    expect(await integration("salesforce")).toMatchObject({
      status: "disabled",
      statusReason: "reauth_deadline_passed",
      disabledBy: "auth",
    });
    const alert = (await notificationOf("reauth_required")).props;
    expect(alert).toMatchObject({ deadlinePassed: true, deadline: at(-8).toISOString() });
    expect((await jobs()).every((j) => j.status === "cancelled")).toBe(true);
    expect(await run(100)).toEqual({ ran: 0, messageIds: [] });
    expect((await kinds()).sort()).toEqual(["integration_disabled", "reauth_required"]);
  });

  it("three re-auth events in a row: one alert, one set of timers; restored: one recovery email", async () => {
    await reauthAt(0);
    await reauthAt(1);
    await ingest(fixtureNow("reauth-hubspot-scopes-changed", at(2)), { now: at(2) });
    expect(await kinds()).toEqual(["reauth_required"]);
    expect(await jobs()).toHaveLength(2);
    await ingest(fixtureNow("auth-restored-hubspot", at(3)), { now: at(3) });
    await ingest(fixtureNow("auth-restored-hubspot", at(4)), { now: at(4) });
    expect(await kinds()).toEqual(["reauth_required", "auth_restored"]);
    expect(await run(100)).toEqual({ ran: 0, messageIds: [] });
  });

  it("no reminder when the alert itself goes out within 24 h of the deadline", async () => {
    const body = fixtureNow("reauth-hubspot-token-revoked", at(0));
    body.data.deadline = at(20).toISOString();
    await ingest(body, { now: at(0) });
    expect((await jobs()).map((j) => j.kind)).toEqual(["reauth_deadline"]);
    expect((await run(19)).ran).toBe(0);
    expect((await run(20)).ran).toBe(1);
    expect(await kinds()).toEqual(["reauth_required", "integration_disabled"]);
  });
});

describe("reminders scheduled before the job payload existed", () => {
  const backfill = readFileSync("db/migrations/0007_reminder_payload.sql", "utf8").split("--> statement-breakpoint")[1];
  const reminderProps = async () => (await notificationOf("reauth_reminder")).props;

  // runs SQLite's migration 0007; PostgreSQL's schema starts with the payload column, so it has no reminders to backfill
  it.skipIf(engine === "postgres")(
    "the migration copies the open alert's details onto the reminder, skipping a gallery preview sent since",
    async () => {
      await reauthAt(0);
      const stored = (await jobs())[0].payload;
      expect(stored).toEqual({
        reason: "token_revoked",
        occurredAt: at(0).toISOString(),
        message: expect.stringContaining("HubSpot refused the refresh token"),
        providerError: expect.stringContaining("BAD_REFRESH_TOKEN"),
      });
      const acme = { id: "acme", name: "Acme Dialers", timeZone: "America/New_York" };
      await queueEmailPreview({ variant: findGalleryVariant("reauth-scopes-no-admins")!, company: acme, requestedBy: admin, now: at(10) });
      await db.update(scheduledJobs).set({ payload: null });
      db.$client.exec(backfill);
      expect((await jobs()).map((j) => j.payload)).toEqual([stored, null]);
      await run(48);
      expect(await reminderProps()).toMatchObject({
        reauthReason: "token_revoked",
        occurredAt: at(0).toISOString(),
        providerError: stored && (stored as { providerError: string }).providerError,
      });
    },
  );

  it("one without a payload still reminds, with what the integration row knows", async () => {
    await reauthAt(0);
    await db.update(scheduledJobs).set({ payload: null });
    expect((await run(48)).ran).toBe(1);
    expect(await reminderProps()).toMatchObject({
      stage: "reminder",
      reauthReason: "token_revoked",
      occurredAt: at(0).toISOString(),
      deadline: at(72).toISOString(),
    });
  });
});
