import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.DATABASE_URL = `/tmp/switchboard-scheduler-${process.pid}-${Date.now()}.db`;
  process.env.APP_URL = "https://switchboard.example";
});

import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { auditLog, integrations, messages, notifications, scheduledJobs } from "@/db/schema";
import type { Provider } from "@/lib/integrations/providers";
import { resetAllData } from "@/db/queries/system/reset";
import { claimJob } from "@/db/queries/system/scheduler";
import { fixtureNow, type EventBody } from "@/lib/testing/events";
import { parseIntegrationEvent } from "@/lib/integrations/ingest/events";
import { ingestEvent } from "@/lib/integrations/ingest/accept";
import { setStatusAsAdmin } from "@/lib/integrations/admin-actions";
import { applyConnection } from "@/lib/integrations/oauth/connect";
import type { Viewer } from "@/lib/auth/session";
import { prepareTestDatabase, removeTestDatabase } from "../testing/test-database";
import { findGalleryVariant } from "./gallery";
import { runDueJobs } from "./scheduler";
import { queueEmailPreview } from "./send-preview";

const H = 3_600_000;
const T = new Date("2026-11-27T12:00:00Z");
const at = (hours: number) => new Date(T.getTime() + hours * H);

let seq = 0;
function ingest(body: EventBody, now: Date, id = `evt_${++seq}`) {
  const parsed = parseIntegrationEvent(body);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return ingestEvent({ eventId: id, body: JSON.stringify(body), event: parsed.event, now });
}
const reauthAt = (hours: number, provider: Provider = "hubspot") => {
  const body = fixtureNow(provider === "hubspot" ? "reauth-hubspot-token-revoked" : "reauth-salesforce-refresh-expired", at(hours));
  delete body.data.deadline; // the default: occurredAt + 72 h
  return ingest(body, at(hours));
};
const run = (hours: number) => runDueJobs({ now: at(hours), log: () => undefined });
const integration = (provider: Provider = "hubspot") =>
  db.select().from(integrations).where(and(eq(integrations.companyId, "acme"), eq(integrations.provider, provider))).get()!;
const kinds = () =>
  db.select({ kind: notifications.kind }).from(notifications).where(eq(notifications.companyId, "acme")).orderBy(asc(notifications.createdAt)).all().map((n) => n.kind);
const jobs = () => db.select().from(scheduledJobs).orderBy(asc(scheduledJobs.id)).all();
const messagesOfKind = (kind: string) =>
  db.select().from(messages).innerJoin(notifications, eq(notifications.id, messages.notificationId)).where(eq(notifications.kind, kind as "test")).all();

const admin: Viewer = {
  userId: "usr_acme_admin",
  name: "Ada Admin",
  email: "admin@acme.test",
  role: "company_admin",
  companyId: "acme",
  company: { id: "acme", name: "Acme Dialers", timeZone: "America/New_York", features: { filters: true }, createdAt: T } as Viewer["company"],
};

beforeAll(() => prepareTestDatabase(db));
afterAll(() => removeTestDatabase(db));
beforeEach(() => resetAllData());

describe("re-auth timers (SPEC R22)", () => {
  it("re-auth at T: the reminder at T+48 h, once; disabled with its email at T+72 h", () => {
    reauthAt(0);
    expect(kinds()).toEqual(["reauth_required"]);
    expect(run(47.9)).toEqual({ ran: 0, messageIds: [] });

    const reminder = run(48);
    expect(reminder.ran).toBe(1);
    expect(reminder.messageIds).toHaveLength(1);
    expect(kinds()).toEqual(["reauth_required", "reauth_reminder"]);
    const props = db.select().from(notifications).where(eq(notifications.kind, "reauth_reminder")).get()!.props as Record<string, unknown>;
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
    expect(run(60)).toEqual({ ran: 0, messageIds: [] }); // sent once
    expect(integration().status).toBe("needs_reauth");

    const deadline = run(72);
    expect(deadline.ran).toBe(1);
    expect(deadline.messageIds).toHaveLength(1);
    expect(integration()).toMatchObject({
      status: "disabled",
      statusReason: "reauth_deadline_passed",
      disabledBy: "auth",
      reauthAlertOpenedAt: null,
      reauthDeadlineAt: null,
      statusChangedAt: at(72),
    });
    expect(kinds()).toEqual(["reauth_required", "reauth_reminder", "integration_disabled"]);
    const disabled = db.select().from(notifications).where(eq(notifications.kind, "integration_disabled")).get()!.props;
    expect(disabled).toMatchObject({ disableReason: "reauth_deadline_passed", needsReconnect: true });
    const audit = db.select().from(auditLog).where(eq(auditLog.action, "integration.disabled")).all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorType: "system", actorId: "scheduler", entity: "integration:hubspot" });
    expect(jobs().map((j) => [j.kind, j.status])).toEqual([
      ["reauth_reminder", "done"],
      ["reauth_deadline", "done"],
    ]);
    expect(run(200)).toEqual({ ran: 0, messageIds: [] });
  });

  it("a gallery preview of a re-auth alert sent meanwhile is not what the reminder repeats", () => {
    reauthAt(0);
    const acme = { id: "acme", name: "Acme Dialers", timeZone: "America/New_York" };
    queueEmailPreview({ variant: findGalleryVariant("reauth-scopes-no-admins")!, company: acme, requestedBy: admin, now: at(10) });
    run(48);
    const reminder = db.select().from(notifications).where(eq(notifications.kind, "reauth_reminder")).get()!;
    expect(reminder.preview).toBe(false);
    expect(reminder.props).toMatchObject({ reauthReason: "token_revoked", deadline: at(72).toISOString() });
    expect((reminder.props as { galleryPreview?: unknown }).galleryPreview).toBeUndefined();
  });

  it("re-auth at T, restored at T+60 h: no disable, nothing more at T+72 h", () => {
    reauthAt(0);
    run(48);
    const restored = ingest(fixtureNow("auth-restored-hubspot", at(60)), at(60));
    expect(restored.outcome === "accepted" && restored.messageIds).toHaveLength(1);
    expect(jobs().map((j) => [j.kind, j.status])).toEqual([
      ["reauth_reminder", "done"],
      ["reauth_deadline", "cancelled"],
    ]);
    expect(run(72)).toEqual({ ran: 0, messageIds: [] });
    expect(run(500)).toEqual({ ran: 0, messageIds: [] });
    expect(integration().status).toBe("connected");
    expect(kinds()).toEqual(["reauth_required", "reauth_reminder", "auth_restored"]);
  });

  it("a deadline already past on arrival: the alert says so, disabled at once, no timer left to fire", () => {
    const late = fixtureNow("reauth-salesforce-refresh-expired", at(-80));
    delete late.data.deadline;
    const result = ingest(late, at(0));
    expect(result.outcome === "accepted" && result.messageIds).toHaveLength(2);
    expect(integration("salesforce")).toMatchObject({ status: "disabled", statusReason: "reauth_deadline_passed", disabledBy: "auth" });
    const alert = db.select().from(notifications).where(eq(notifications.kind, "reauth_required")).get()!.props;
    expect(alert).toMatchObject({ deadlinePassed: true, deadline: at(-8).toISOString() });
    expect(jobs().every((j) => j.status === "cancelled")).toBe(true);
    expect(run(100)).toEqual({ ran: 0, messageIds: [] });
    expect(kinds().sort()).toEqual(["integration_disabled", "reauth_required"]);
  });

  it("three re-auth events in a row: one alert, one set of timers; restored: one recovery email", () => {
    reauthAt(0);
    reauthAt(1);
    ingest(fixtureNow("reauth-hubspot-scopes-changed", at(2)), at(2));
    expect(kinds()).toEqual(["reauth_required"]);
    expect(jobs()).toHaveLength(2);
    ingest(fixtureNow("auth-restored-hubspot", at(3)), at(3));
    ingest(fixtureNow("auth-restored-hubspot", at(4)), at(4));
    expect(kinds()).toEqual(["reauth_required", "auth_restored"]);
    expect(run(100)).toEqual({ ran: 0, messageIds: [] });
  });

  it("no reminder when the alert itself goes out within 24 h of the deadline", () => {
    const body = fixtureNow("reauth-hubspot-token-revoked", at(0));
    body.data.deadline = at(20).toISOString();
    ingest(body, at(0));
    expect(jobs().map((j) => j.kind)).toEqual(["reauth_deadline"]);
    expect(run(19).ran).toBe(0);
    expect(run(20).ran).toBe(1);
    expect(kinds()).toEqual(["reauth_required", "integration_disabled"]);
  });

  it("every way that ends the alert cancels both timers: disabled for an auth reason, OAuth reconnect", async () => {
    const pending = () => jobs().filter((j) => j.status === "pending").length;

    reauthAt(0);
    expect(pending()).toBe(2);
    // an admin's Disable is not one: the deadline keeps running, the reminder pauses
    expect(setStatusAsAdmin({ viewer: admin, provider: "hubspot", action: "disable", now: at(1) })).toMatchObject({ ok: true });
    expect(jobs().map((j) => j.status)).toEqual(["paused", "pending"]);
    await resetAllData();

    reauthAt(0, "salesforce");
    expect(pending()).toBe(2);
    const off = fixtureNow("disabled-hubspot-uninstalled", at(1));
    ingest({ ...off, provider: "salesforce" }, at(1));
    expect(integration("salesforce").status).toBe("disabled");
    expect(pending()).toBe(0);

    await resetAllData();
    reauthAt(0);
    const reconnected = applyConnection({
      viewer: admin,
      provider: "hubspot",
      tokens: { accessToken: "at", refreshToken: "rt", expiresAt: null, accountId: "demo-acme-hubspot", scope: null },
      zohoDataCenter: null,
      sandbox: true,
      now: at(5),
    });
    expect(reconnected).toMatchObject({ ok: true, result: "restored" });
    expect(pending()).toBe(0);
    expect(run(100)).toEqual({ ran: 0, messageIds: [] });
    expect(integration().status).toBe("connected");
  });

  it("disabled with its authorization broken: the deadline still runs and turns it disabled-for-auth, with no second email", () => {
    reauthAt(0);
    setStatusAsAdmin({ viewer: admin, provider: "hubspot", action: "disable", now: at(1) });
    expect(run(48)).toEqual({ ran: 0, messageIds: [] }); // the reminder is paused: nothing reminds of an integration that is off
    expect(run(72).ran).toBe(1);
    expect(integration()).toMatchObject({ status: "disabled", disabledBy: "auth", statusReason: "reauth_deadline_passed", reauthDeadlineAt: null });
    expect(kinds()).toEqual(["reauth_required", "integration_disabled"]); // the alert and the admin's Disable only
    const audit = db.select().from(auditLog).where(eq(auditLog.actorType, "system")).all();
    expect(audit).toMatchObject([{ before: { status: "disabled", disabledBy: "admin" }, after: { disabledBy: "auth", authorization: "broken" } }]);
    expect(setStatusAsAdmin({ viewer: admin, provider: "hubspot", action: "enable", now: at(73) })).toMatchObject({ ok: false });
    expect(jobs().map((j) => j.status)).toEqual(["cancelled", "done"]);
  });

  it("Enable after the reminder's time passed while paused resumes it at once, and the deadline at its original time", () => {
    reauthAt(0);
    setStatusAsAdmin({ viewer: admin, provider: "hubspot", action: "disable", now: at(1) });
    expect(setStatusAsAdmin({ viewer: admin, provider: "hubspot", action: "enable", now: at(50) })).toMatchObject({ ok: true });
    expect(integration()).toMatchObject({ status: "needs_reauth", reauthDeadlineAt: at(72) });
    expect(run(50).ran).toBe(1);
    expect(kinds()).toEqual(["reauth_required", "integration_disabled", "reauth_reminder"]);
    expect(run(72).ran).toBe(1);
    expect(integration()).toMatchObject({ status: "disabled", statusReason: "reauth_deadline_passed" });
    expect(kinds().at(-1)).toBe("integration_disabled");
  });

  it("while disabled: auth_restored heals the authorization without a 'syncing again' email; a reauth_required opens a new alert", () => {
    reauthAt(0);
    setStatusAsAdmin({ viewer: admin, provider: "hubspot", action: "disable", now: at(1) });
    expect(ingest(fixtureNow("auth-restored-hubspot", at(2)), at(2))).toMatchObject({ outcome: "accepted", messageIds: [] });
    expect(integration()).toMatchObject({ status: "disabled", disabledBy: "admin", reauthDeadlineAt: null });
    expect(jobs().map((j) => j.status)).toEqual(["cancelled", "cancelled"]);
    expect(run(100).ran).toBe(0);

    // healthy and off: a new break is recorded (alert email, deadline, reminder paused)
    const second = reauthAt(3);
    expect(second.outcome === "accepted" && second.messageIds.length).toBe(1);
    expect(integration()).toMatchObject({ status: "disabled", disabledBy: "admin", reauthReason: "token_revoked", reauthDeadlineAt: at(75) });
    expect(jobs().slice(2).map((j) => [j.kind, j.status])).toEqual([["reauth_reminder", "paused"], ["reauth_deadline", "pending"]]);
    // a third one while its alert is open sends nothing new
    expect(reauthAt(4)).toMatchObject({ messageIds: [] });
    expect(setStatusAsAdmin({ viewer: admin, provider: "hubspot", action: "enable", now: at(5) })).toMatchObject({ ok: true });
    expect(integration()).toMatchObject({ status: "needs_reauth", reauthDeadlineAt: at(75) });
    expect(kinds().filter((k) => k === "integration_enabled" || k === "auth_restored")).toEqual([]);
  });

  it("Reconnect while disabled with a broken authorization connects, closes the alert and cancels its timers", () => {
    reauthAt(0);
    setStatusAsAdmin({ viewer: admin, provider: "hubspot", action: "disable", now: at(1) });
    const result = applyConnection({
      viewer: admin,
      provider: "hubspot",
      tokens: { accessToken: "at", refreshToken: "rt", expiresAt: null, accountId: "demo-acme-hubspot", scope: null },
      zohoDataCenter: null,
      sandbox: true,
      now: at(2),
    });
    expect(result).toMatchObject({ ok: true, result: "reenabled" });
    expect(integration()).toMatchObject({ status: "connected", reauthDeadlineAt: null, reauthReason: null });
    expect(jobs().map((j) => j.status)).toEqual(["cancelled", "cancelled"]);
    expect(run(100).ran).toBe(0);
  });

  it("a job is claimed once: a second claim of the same job finds nothing", () => {
    reauthAt(0);
    const [reminder] = jobs();
    const first = db.transaction((tx) => claimJob({ tx, id: reminder.id, now: at(48) }));
    const second = db.transaction((tx) => claimJob({ tx, id: reminder.id, now: at(48) }));
    expect(first?.id).toBe(reminder.id);
    expect(second).toBeUndefined();
    // not due yet: not claimable either
    const [, deadline] = jobs();
    expect(db.transaction((tx) => claimJob({ tx, id: deadline.id, now: at(71) }))).toBeUndefined();
  });

  it("a failing job is retried later, then left failed with its error, and never blocks the others", () => {
    reauthAt(0);
    // a digest of a company that no longer exists: planning it throws
    db.$client.pragma("foreign_keys = OFF");
    db.insert(notifications)
      .values({ id: "ntf_ghost", companyId: "ghost", provider: "hubspot", kind: "mapping_errors", props: {}, digestKey: "push:contact", digestStatus: "open", windowClosesAt: at(47), createdAt: at(46) })
      .run();
    db.insert(scheduledJobs).values({ companyId: "ghost", kind: "digest_close", notificationId: "ntf_ghost", dueAt: at(47), createdAt: at(46) }).run();
    db.$client.pragma("foreign_keys = ON");
    const logs: string[] = [];
    const first = runDueJobs({ now: at(48), log: (l) => logs.push(l) });
    expect(first.ran).toBe(1); // the reminder went out regardless
    expect(kinds()).toEqual(["reauth_required", "reauth_reminder"]);
    const ghost = () => jobs().find((j) => j.notificationId === "ntf_ghost")!;
    expect(ghost()).toMatchObject({ status: "pending", attempts: 1, dueAt: new Date(at(48).getTime() + 60_000) });
    expect(ghost().lastError).toMatch(/unknown company ghost/);
    expect(logs[0]).toMatch(/failed \(attempt 1, retrying at/);
    // the rolled-back attempt left the digest open for the retry
    expect(db.select().from(notifications).where(eq(notifications.id, "ntf_ghost")).get()!.digestStatus).toBe("open");
    for (let i = 0; i < 4; i++) runDueJobs({ now: at(100 + i), log: () => undefined });
    expect(ghost()).toMatchObject({ status: "failed", attempts: 5 });
    expect(messagesOfKind("mapping_errors")).toHaveLength(0);
  });
});
