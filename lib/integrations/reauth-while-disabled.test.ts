import { describe, expect, it, vi } from "vitest";

await vi.hoisted(async () => {
  (await import("@/lib/testing/test-database-url")).useTestDatabaseUrl("reauth-disabled");
  process.env.APP_URL = "https://switchboard.example";
});

import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { useDemoDatabase } from "@/lib/testing/test-database";
import { auditLog } from "@/db/schema";
import { resetAllData } from "@/db/queries/system/reset";
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
import { setStatusAsAdmin } from "./admin-actions";
import { applyConnection } from "./oauth/connect";

/* The re-auth timers when an integration with a broken authorization is switched off, on, or reconnected (R11, R22). */

useDemoDatabase(db);

describe("re-auth timers (docs/product R22)", () => {
  it("every way that ends the alert cancels both timers: disabled for an auth reason, OAuth reconnect", async () => {
    const pending = async () => (await jobs()).filter((j) => j.status === "pending").length;

    await reauthAt(0);
    expect(await pending()).toBe(2);
    // an admin's Disable is not one: the deadline keeps running, the reminder pauses
    expect(await setStatusAsAdmin({ viewer: admin, provider: "hubspot", action: "disable", now: at(1) })).toMatchObject({ ok: true });
    expect((await jobs()).map((j) => j.status)).toEqual(["paused", "pending"]);
    await resetAllData();

    await reauthAt(0, "salesforce");
    expect(await pending()).toBe(2);
    const off = fixtureNow("disabled-hubspot-uninstalled", at(1));
    await ingest({ ...off, provider: "salesforce" }, { now: at(1) });
    expect((await integration("salesforce")).status).toBe("disabled");
    expect(await pending()).toBe(0);

    await resetAllData();
    await reauthAt(0);
    const reconnected = await applyConnection({
      viewer: admin,
      provider: "hubspot",
      tokens: { accessToken: "at", refreshToken: "rt", expiresAt: null, accountId: "demo-acme-hubspot", scope: null },
      zohoDataCenter: null,
      sandbox: true,
      now: at(5),
    });
    expect(reconnected).toMatchObject({ ok: true, result: "restored" });
    expect(await pending()).toBe(0);
    expect(await run(100)).toEqual({ ran: 0, messageIds: [] });
    expect((await integration()).status).toBe("connected");
  });

  it("disabled with its authorization broken: the deadline still runs and turns it disabled-for-auth, with no second email", async () => {
    await reauthAt(0);
    await setStatusAsAdmin({ viewer: admin, provider: "hubspot", action: "disable", now: at(1) });
    expect(await run(48)).toEqual({ ran: 0, messageIds: [] }); // the reminder is paused: nothing reminds of an integration that is off
    expect((await run(72)).ran).toBe(1);
    expect(await integration()).toMatchObject({
      status: "disabled",
      disabledBy: "auth",
      statusReason: "reauth_deadline_passed",
      reauthDeadlineAt: null,
    });
    expect(await kinds()).toEqual(["reauth_required", "integration_disabled"]); // the alert and the admin's Disable only
    const audit = await db.select().from(auditLog).where(eq(auditLog.actorType, "system"));
    expect(audit).toMatchObject([
      { before: { status: "disabled", disabledBy: "admin" }, after: { disabledBy: "auth", authorization: "broken" } },
    ]);
    expect(await setStatusAsAdmin({ viewer: admin, provider: "hubspot", action: "enable", now: at(73) })).toMatchObject({ ok: false });
    expect((await jobs()).map((j) => j.status)).toEqual(["cancelled", "done"]);
  });

  it("Enable after the reminder's time passed while paused resumes it at once, and the deadline at its original time", async () => {
    await reauthAt(0);
    await setStatusAsAdmin({ viewer: admin, provider: "hubspot", action: "disable", now: at(1) });
    expect(await setStatusAsAdmin({ viewer: admin, provider: "hubspot", action: "enable", now: at(50) })).toMatchObject({ ok: true });
    expect(await integration()).toMatchObject({ status: "needs_reauth", reauthDeadlineAt: at(72) });
    expect((await run(50)).ran).toBe(1);
    expect(await kinds()).toEqual(["reauth_required", "integration_disabled", "reauth_reminder"]);
    expect((await run(72)).ran).toBe(1);
    expect(await integration()).toMatchObject({ status: "disabled", statusReason: "reauth_deadline_passed" });
    expect((await kinds()).at(-1)).toBe("integration_disabled");
  });

  it("while disabled: auth_restored heals the authorization without a 'syncing again' email; a reauth_required opens a new alert", async () => {
    await reauthAt(0);
    await setStatusAsAdmin({ viewer: admin, provider: "hubspot", action: "disable", now: at(1) });
    expect(await ingest(fixtureNow("auth-restored-hubspot", at(2)), { now: at(2) })).toMatchObject({ outcome: "accepted", messageIds: [] });
    expect(await integration()).toMatchObject({ status: "disabled", disabledBy: "admin", reauthDeadlineAt: null });
    expect((await jobs()).map((j) => j.status)).toEqual(["cancelled", "cancelled"]);
    expect((await run(100)).ran).toBe(0);

    // healthy and off: a new break is recorded (alert email, deadline, reminder paused)
    const second = await reauthAt(3);
    expect(second.outcome === "accepted" && second.messageIds.length).toBe(1);
    expect(await integration()).toMatchObject({
      status: "disabled",
      disabledBy: "admin",
      reauthReason: "token_revoked",
      reauthDeadlineAt: at(75),
    });
    expect((await jobs()).slice(2).map((j) => [j.kind, j.status])).toEqual([
      ["reauth_reminder", "paused"],
      ["reauth_deadline", "pending"],
    ]);
    // a third one while its alert is open sends nothing new
    expect(await reauthAt(4)).toMatchObject({ messageIds: [] });
    expect(await setStatusAsAdmin({ viewer: admin, provider: "hubspot", action: "enable", now: at(5) })).toMatchObject({ ok: true });
    expect(await integration()).toMatchObject({ status: "needs_reauth", reauthDeadlineAt: at(75) });
    expect((await kinds()).filter((k) => k === "integration_enabled" || k === "auth_restored")).toEqual([]);
  });

  it("Reconnect while disabled with a broken authorization connects, closes the alert and cancels its timers", async () => {
    await reauthAt(0);
    await setStatusAsAdmin({ viewer: admin, provider: "hubspot", action: "disable", now: at(1) });
    const result = await applyConnection({
      viewer: admin,
      provider: "hubspot",
      tokens: { accessToken: "at", refreshToken: "rt", expiresAt: null, accountId: "demo-acme-hubspot", scope: null },
      zohoDataCenter: null,
      sandbox: true,
      now: at(2),
    });
    expect(result).toMatchObject({ ok: true, result: "reenabled" });
    expect(await integration()).toMatchObject({ status: "connected", reauthDeadlineAt: null, reauthReason: null });
    expect((await jobs()).map((j) => j.status)).toEqual(["cancelled", "cancelled"]);
    expect((await run(100)).ran).toBe(0);
  });
});
