import { describe, expect, it, vi } from "vitest";

await vi.hoisted(async () => {
  (await import("@/lib/testing/test-database-url")).useTestDatabaseUrl("ingest-status");
  process.env.APP_URL = "https://switchboard.example";
});

import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { useDemoDatabase } from "@/lib/testing/test-database";
import { auditLog, events, scheduledJobs } from "@/db/schema";
import type { Provider } from "@/lib/integrations/providers";
import { fixtureNow } from "@/lib/testing/events";
import { ingest, integrationRow as integration, notificationsOfEvent as notificationsOf } from "@/lib/testing/integration-status";

/* The status events of ingestion: re-auth, restored, enabled, disabled (the status change itself: ../status-change.ts). */

const jobsOf = async (provider: Provider) => {
  const { id } = await integration(provider);
  const jobs = await db.select().from(scheduledJobs).where(eq(scheduledJobs.integrationId, id));
  return jobs.map((j) => [j.kind, j.status, j.dueAt.getTime()]);
};
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const propsOf = async (eventId: string, i = 0) => (await notificationsOf(eventId))[i].props as any;
const eventRow = async (id: string) => (await db.select().from(events).where(eq(events.id, id)).limit(1))[0];
const auditsOf = (actorId: string) => db.select().from(auditLog).where(eq(auditLog.actorId, actorId));

useDemoDatabase(db);

describe("ingestEvent: re-auth (docs/product R22)", () => {
  it("opens an alert with the event's deadline, names the admins, audits the change", async () => {
    const now = new Date();
    const body = fixtureNow("reauth-hubspot-token-revoked", now);
    const result = await ingest(body, { id: "evt_reauth", now });
    expect(result).toMatchObject({ outcome: "accepted", eventId: "evt_reauth" });
    expect(await integration("hubspot")).toMatchObject({
      status: "needs_reauth",
      statusReason: "token_revoked",
      reauthAlertOpenedAt: now,
      reauthDeadlineAt: new Date(body.data.deadline),
      lastEventAt: now,
    });
    expect((await notificationsOf("evt_reauth")).map((n) => n.kind)).toEqual(["reauth_required"]);
    expect(await propsOf("evt_reauth")).toMatchObject({
      provider: "hubspot",
      stage: "alert",
      reauthReason: "token_revoked",
      deadlinePassed: false,
      admins: [{ name: "Ada Admin", email: "admin@acme.test" }],
      reconnectUrl: "https://switchboard.example/integrations?reconnect=hubspot",
      providerError: expect.stringContaining("BAD_REFRESH_TOKEN"),
    });
    const deadline = Date.parse(body.data.deadline);
    expect(await jobsOf("hubspot")).toEqual([
      ["reauth_reminder", "pending", deadline - 24 * 3_600_000],
      ["reauth_deadline", "pending", deadline],
    ]);
    const audit = await auditsOf("evt_reauth");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorType: "event",
      actorLabel: "event integration.reauth_required (evt_reauth)",
      entity: "integration:hubspot",
      before: expect.objectContaining({ status: "connected" }),
      after: expect.objectContaining({ status: "needs_reauth" }),
    });
  });

  it("defaults the deadline to occurredAt + 72 h", async () => {
    const now = new Date();
    const body = fixtureNow("reauth-salesforce-refresh-expired", now);
    await ingest(body, { now });
    expect((await integration("salesforce")).reauthDeadlineAt!.getTime()).toBe(Date.parse(body.occurredAt) + 72 * 3_600_000);
  });

  it("no reminder when the alert goes out less than 24 h before the deadline", async () => {
    const now = new Date();
    await ingest(fixtureNow("reauth-salesforce-refresh-expired", new Date(now.getTime() - 50 * 3_600_000)), { now });
    expect((await jobsOf("salesforce")).map(([kind]) => kind)).toEqual(["reauth_deadline"]);
  });

  it("a repeated reauth_required while needs_reauth is stored and sends nothing", async () => {
    await ingest(fixtureNow("reauth-hubspot-token-revoked"), { id: "evt_first" });
    const deadline = (await integration("hubspot")).reauthDeadlineAt;
    const again = await ingest(fixtureNow("reauth-hubspot-scopes-changed"), { id: "evt_again" });
    expect(again).toEqual({ outcome: "accepted", eventId: "evt_again", messageIds: [] });
    expect(await eventRow("evt_again")).toBeTruthy();
    expect(await notificationsOf("evt_again")).toEqual([]);
    expect((await integration("hubspot")).reauthDeadlineAt).toEqual(deadline);
  });

  it("a deadline already past on arrival: alert says so, integration disabled at once, disabled email too", async () => {
    const now = new Date();
    const body = fixtureNow("reauth-salesforce-refresh-expired", new Date(now.getTime() - 73 * 3_600_000));
    const result = await ingest(body, { id: "evt_late", now });
    expect(result.outcome === "accepted" && result.messageIds).toHaveLength(2);
    expect(await integration("salesforce")).toMatchObject({
      status: "disabled",
      statusReason: "reauth_deadline_passed",
      disabledBy: "auth",
      reauthAlertOpenedAt: null,
      reauthDeadlineAt: null,
    });
    const planned = await notificationsOf("evt_late");
    expect(planned.map((n) => n.kind).sort()).toEqual(["integration_disabled", "reauth_required"]);
    const alert = planned.find((n) => n.kind === "reauth_required")!.props as { deadlinePassed: boolean };
    expect(alert.deadlinePassed).toBe(true);
    const disabled = planned.find((n) => n.kind === "integration_disabled")!.props;
    expect(disabled).toMatchObject({ disableReason: "reauth_deadline_passed", needsReconnect: true });
    expect((await auditsOf("evt_late")).map((a) => (a.after as { status: string }).status)).toEqual(["needs_reauth", "disabled"]);
  });

  it("auth_restored closes an open alert with a recovery email; without an alert it sends nothing", async () => {
    const opened = new Date(Date.now() - 3_600_000);
    await ingest(fixtureNow("reauth-hubspot-token-revoked", opened), { now: opened });
    const restored = await ingest(fixtureNow("auth-restored-hubspot"), { id: "evt_restored" });
    expect(restored.outcome === "accepted" && restored.messageIds).toHaveLength(1);
    expect(await integration("hubspot")).toMatchObject({ status: "connected", reauthAlertOpenedAt: null, reauthDeadlineAt: null });
    expect((await jobsOf("hubspot")).map(([kind, status]) => [kind, status])).toEqual([
      ["reauth_reminder", "cancelled"],
      ["reauth_deadline", "cancelled"],
    ]);
    expect(await propsOf("evt_restored")).toMatchObject({ via: "event", brokenSince: opened.toISOString() });
    const again = await ingest(fixtureNow("auth-restored-hubspot"), { id: "evt_restored_again" });
    expect(again).toMatchObject({ messageIds: [] });
  });
});

describe("ingestEvent: enabled / disabled", () => {
  it("disabled stores, only enabled acts, and each sends its email", async () => {
    await ingest(fixtureNow("disabled-hubspot-uninstalled"), { id: "evt_off" });
    expect(await integration("hubspot")).toMatchObject({ status: "disabled", disabledBy: "auth", statusReason: "app_uninstalled" });
    expect(await propsOf("evt_off")).toMatchObject({
      disableReason: "app_uninstalled",
      needsReconnect: true,
      actor: { name: "Portal super admin", email: "it@acme.test" },
      integrationsUrl: "https://switchboard.example/integrations?reconnect=hubspot",
    });

    const ignored = await ingest(fixtureNow("mapping-hubspot-push"), { id: "evt_ignored" });
    expect(ignored).toEqual({ outcome: "accepted", eventId: "evt_ignored", messageIds: [] });
    expect(await eventRow("evt_ignored")).toBeTruthy();

    await ingest(fixtureNow("enabled-hubspot"), { id: "evt_on" });
    expect(await integration("hubspot")).toMatchObject({ status: "connected", disabledBy: null, statusReason: null });
    expect(await propsOf("evt_on")).toMatchObject({
      via: "event",
      actor: { name: "Ada Admin" },
      settingsUrl: "https://switchboard.example/integrations/hubspot/settings/sync",
    });
  });

  it("a disable event without an auth reason can be re-enabled by an admin's Enable", async () => {
    const body = fixtureNow("disabled-hubspot-uninstalled");
    body.data = { reason: "user_disconnected" };
    await ingest(body, { id: "evt_user_off" });
    expect(await integration("hubspot")).toMatchObject({ status: "disabled", disabledBy: "event" });
    expect((await propsOf("evt_user_off")).needsReconnect).toBe(false);
  });
});
