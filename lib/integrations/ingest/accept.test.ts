import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.DATABASE_URL = `/tmp/switchboard-ingest-${process.pid}-${Date.now()}.db`;
  process.env.APP_URL = "https://switchboard.example";
});

import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { auditLog, events, integrations, messages, notificationRecords, notifications, reportSettings, scheduledJobs } from "@/db/schema";
import type { Provider } from "@/lib/integrations/providers";
import { resetAllData } from "@/db/queries/system/reset";
import { prepareTestDatabase, removeTestDatabase } from "@/lib/testing/test-database";
import { fixtureNow, type EventBody } from "@/lib/testing/events";
import { parseIntegrationEvent } from "./events";
import { ingestEvent } from "./accept";

let seq = 0;
function ingest(body: EventBody, { id = `evt_${++seq}`, now = new Date() }: { id?: string; now?: Date } = {}) {
  const parsed = parseIntegrationEvent(body);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return ingestEvent({ eventId: id, body: JSON.stringify(body), event: parsed.event, now });
}
const integration = (provider: Provider, companyId = "acme") =>
  db.select().from(integrations).where(and(eq(integrations.companyId, companyId), eq(integrations.provider, provider))).get()!;
const jobsOf = (provider: Provider) =>
  db.select().from(scheduledJobs).where(eq(scheduledJobs.integrationId, integration(provider).id)).all().map((j) => [j.kind, j.status, j.dueAt.getTime()]);
const notificationsOf = (eventId: string) => db.select().from(notifications).where(eq(notifications.eventId, eventId)).all();
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const propsOf = (eventId: string, i = 0) => notificationsOf(eventId)[i].props as any;

beforeAll(() => prepareTestDatabase(db));
afterAll(() => removeTestDatabase(db));
beforeEach(() => resetAllData());

describe("ingestEvent: re-auth (SPEC R22)", () => {
  it("opens an alert with the event's deadline, names the admins, audits the change", () => {
    const now = new Date();
    const body = fixtureNow("reauth-hubspot-token-revoked", now);
    const result = ingest(body, { id: "evt_reauth", now });
    expect(result).toMatchObject({ outcome: "accepted", eventId: "evt_reauth" });
    expect(integration("hubspot")).toMatchObject({
      status: "needs_reauth",
      statusReason: "token_revoked",
      reauthAlertOpenedAt: now,
      reauthDeadlineAt: new Date(body.data.deadline),
      lastEventAt: now,
    });
    expect(notificationsOf("evt_reauth").map((n) => n.kind)).toEqual(["reauth_required"]);
    expect(propsOf("evt_reauth")).toMatchObject({
      provider: "hubspot",
      stage: "alert",
      reauthReason: "token_revoked",
      deadlinePassed: false,
      admins: [{ name: "Ada Admin", email: "admin@acme.test" }],
      reconnectUrl: "https://switchboard.example/integrations?reconnect=hubspot",
      providerError: expect.stringContaining("BAD_REFRESH_TOKEN"),
    });
    const deadline = Date.parse(body.data.deadline);
    expect(jobsOf("hubspot")).toEqual([
      ["reauth_reminder", "pending", deadline - 24 * 3_600_000],
      ["reauth_deadline", "pending", deadline],
    ]);
    const audit = db.select().from(auditLog).where(eq(auditLog.actorId, "evt_reauth")).all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorType: "event",
      actorLabel: "event integration.reauth_required (evt_reauth)",
      entity: "integration:hubspot",
      before: expect.objectContaining({ status: "connected" }),
      after: expect.objectContaining({ status: "needs_reauth" }),
    });
  });

  it("defaults the deadline to occurredAt + 72 h", () => {
    const now = new Date();
    const body = fixtureNow("reauth-salesforce-refresh-expired", now);
    ingest(body, { now });
    expect(integration("salesforce").reauthDeadlineAt!.getTime()).toBe(Date.parse(body.occurredAt) + 72 * 3_600_000);
  });

  it("no reminder when the alert goes out less than 24 h before the deadline", () => {
    const now = new Date();
    ingest(fixtureNow("reauth-salesforce-refresh-expired", new Date(now.getTime() - 50 * 3_600_000)), { now });
    expect(jobsOf("salesforce").map(([kind]) => kind)).toEqual(["reauth_deadline"]);
  });

  it("a repeated reauth_required while needs_reauth is stored and sends nothing", () => {
    ingest(fixtureNow("reauth-hubspot-token-revoked"), { id: "evt_first" });
    const deadline = integration("hubspot").reauthDeadlineAt;
    const again = ingest(fixtureNow("reauth-hubspot-scopes-changed"), { id: "evt_again" });
    expect(again).toEqual({ outcome: "accepted", eventId: "evt_again", messageIds: [] });
    expect(db.select().from(events).where(eq(events.id, "evt_again")).get()).toBeTruthy();
    expect(notificationsOf("evt_again")).toEqual([]);
    expect(integration("hubspot").reauthDeadlineAt).toEqual(deadline);
  });

  it("a deadline already past on arrival: alert says so, integration disabled at once, disabled email too", () => {
    const now = new Date();
    const body = fixtureNow("reauth-salesforce-refresh-expired", new Date(now.getTime() - 73 * 3_600_000));
    const result = ingest(body, { id: "evt_late", now });
    expect(result.outcome === "accepted" && result.messageIds).toHaveLength(2);
    expect(integration("salesforce")).toMatchObject({
      status: "disabled",
      statusReason: "reauth_deadline_passed",
      disabledBy: "auth",
      reauthAlertOpenedAt: null,
      reauthDeadlineAt: null,
    });
    expect(notificationsOf("evt_late").map((n) => n.kind).sort()).toEqual(["integration_disabled", "reauth_required"]);
    const alert = notificationsOf("evt_late").find((n) => n.kind === "reauth_required")!.props as { deadlinePassed: boolean };
    expect(alert.deadlinePassed).toBe(true);
    const disabled = notificationsOf("evt_late").find((n) => n.kind === "integration_disabled")!.props;
    expect(disabled).toMatchObject({ disableReason: "reauth_deadline_passed", needsReconnect: true });
    expect(db.select().from(auditLog).where(eq(auditLog.actorId, "evt_late")).all().map((a) => (a.after as { status: string }).status)).toEqual([
      "needs_reauth",
      "disabled",
    ]);
  });

  it("auth_restored closes an open alert with a recovery email; without an alert it sends nothing", () => {
    const opened = new Date(Date.now() - 3_600_000);
    ingest(fixtureNow("reauth-hubspot-token-revoked", opened), { now: opened });
    const restored = ingest(fixtureNow("auth-restored-hubspot"), { id: "evt_restored" });
    expect(restored.outcome === "accepted" && restored.messageIds).toHaveLength(1);
    expect(integration("hubspot")).toMatchObject({ status: "connected", reauthAlertOpenedAt: null, reauthDeadlineAt: null });
    expect(jobsOf("hubspot").map(([kind, status]) => [kind, status])).toEqual([
      ["reauth_reminder", "cancelled"],
      ["reauth_deadline", "cancelled"],
    ]);
    expect(propsOf("evt_restored")).toMatchObject({ via: "event", brokenSince: opened.toISOString() });
    const again = ingest(fixtureNow("auth-restored-hubspot"), { id: "evt_restored_again" });
    expect(again).toMatchObject({ messageIds: [] });
  });
});

describe("ingestEvent: enabled / disabled", () => {
  it("disabled stores, only enabled acts, and each sends its email", () => {
    ingest(fixtureNow("disabled-hubspot-uninstalled"), { id: "evt_off" });
    expect(integration("hubspot")).toMatchObject({ status: "disabled", disabledBy: "auth", statusReason: "app_uninstalled" });
    expect(propsOf("evt_off")).toMatchObject({
      disableReason: "app_uninstalled",
      needsReconnect: true,
      actor: { name: "Portal super admin", email: "it@acme.test" },
      integrationsUrl: "https://switchboard.example/integrations?reconnect=hubspot",
    });

    const ignored = ingest(fixtureNow("mapping-hubspot-push"), { id: "evt_ignored" });
    expect(ignored).toEqual({ outcome: "accepted", eventId: "evt_ignored", messageIds: [] });
    expect(db.select().from(events).where(eq(events.id, "evt_ignored")).get()).toBeTruthy();

    ingest(fixtureNow("enabled-hubspot"), { id: "evt_on" });
    expect(integration("hubspot")).toMatchObject({ status: "connected", disabledBy: null, statusReason: null });
    expect(propsOf("evt_on")).toMatchObject({ via: "event", actor: { name: "Ada Admin" }, settingsUrl: "https://switchboard.example/integrations/hubspot/settings/sync" });
  });

  it("a disable event without an auth reason can be re-enabled by an admin's Enable", () => {
    const body = fixtureNow("disabled-hubspot-uninstalled");
    body.data = { reason: "user_disconnected" };
    ingest(body, { id: "evt_user_off" });
    expect(integration("hubspot")).toMatchObject({ status: "disabled", disabledBy: "event" });
    expect(propsOf("evt_user_off").needsReconnect).toBe(false);
  });
});

describe("ingestEvent: reports", () => {
  it("mapping errors: groups, first records, reported and detailed counts, links, every record stored", () => {
    // window 0 = sent at once; digests within a window: lib/notifications/digest.test.ts
    db.update(reportSettings).set({ mappingDigestMinutes: 0 }).where(eq(reportSettings.companyId, "acme")).run();
    ingest(fixtureNow("mapping-hubspot-push"), { id: "evt_map" });
    const [n] = notificationsOf("evt_map");
    expect(n.kind).toBe("mapping_errors");
    expect(n.props).toMatchObject({
      direction: "push",
      object: "contact",
      totalRecords: 250,
      detailedRecords: 5,
      eventCount: 1,
      recordsUrl: `https://switchboard.example/notifications/${n.id}/records`,
      mappingUrl: "https://switchboard.example/integrations/hubspot/settings/mapping",
    });
    const props = n.props as { groups: { code: string; count: number; tip: string }[]; records: unknown[] };
    expect(props.groups).toHaveLength(5);
    expect(props.groups.every((g) => g.count === 1 && g.tip.length > 20)).toBe(true);
    expect(props.records).toHaveLength(5);
    expect(db.select().from(notificationRecords).where(eq(notificationRecords.notificationId, n.id)).all()).toHaveLength(5);
  });

  it("sync reports follow the company's setting", () => {
    const mode = (m: "always" | "failures_only" | "off") =>
      db.update(reportSettings).set({ syncReportMode: m }).where(eq(reportSettings.companyId, "acme")).run();
    const sent = (fixture: string) => {
      const r = ingest(fixtureNow(fixture));
      return r.outcome === "accepted" ? r.messageIds.length : -1;
    };
    mode("always");
    expect(sent("sync-hubspot-pull-clean")).toBe(1);
    mode("failures_only");
    expect(sent("sync-hubspot-pull-clean")).toBe(0);
    expect(sent("sync-salesforce-push")).toBe(1);
    expect(sent("sync-salesforce-users")).toBe(1);
    mode("off");
    expect(sent("sync-salesforce-push")).toBe(0);
  });

  it("sync report props carry counts, failures and the report links", () => {
    ingest(fixtureNow("sync-salesforce-push"), { id: "evt_sync" });
    const [n] = notificationsOf("evt_sync");
    expect(n.props).toMatchObject({
      operation: "contacts.push",
      counts: { processed: 1240, failed: 16 },
      failures: [{ recordId: "003Hs00000Qx1AB", code: "REQUIRED_FIELD_MISSING" }],
      detailedFailures: 1,
      reportUrl: `https://switchboard.example/notifications/${n.id}`,
    });
    expect(n.recordCount).toBe(1);
  });
});

describe("ingestEvent: idempotency and refusals (SPEC R18, R19)", () => {
  it("the same webhook-id again, even with another body, changes nothing", () => {
    const first = fixtureNow("reauth-hubspot-token-revoked");
    ingest(first, { id: "evt_dup" });
    expect(ingest(first, { id: "evt_dup" })).toEqual({ outcome: "duplicate", eventId: "evt_dup" });
    expect(ingest(fixtureNow("sync-salesforce-push"), { id: "evt_dup" })).toEqual({ outcome: "duplicate", eventId: "evt_dup" });
    const other = { ...fixtureNow("sync-salesforce-push"), companyId: "nope" };
    expect(ingest(other, { id: "evt_dup" })).toEqual({ outcome: "duplicate", eventId: "evt_dup" });
    expect(db.select().from(events).where(eq(events.id, "evt_dup")).get()!.body).toBe(JSON.stringify(first));
    expect(notificationsOf("evt_dup")).toHaveLength(1);
  });

  it("unknown company and a never-connected integration store nothing", () => {
    const before = db.select().from(messages).all().length;
    expect(ingest({ ...fixtureNow("enabled-hubspot"), companyId: "initech" }, { id: "evt_404" }).outcome).toBe("unknown_company");
    expect(ingest(fixtureNow("mapping-zoho-push"), { id: "evt_409" }).outcome).toBe("not_connected");
    expect(ingest(fixtureNow("sync-zoho-view"), { id: "evt_409b" }).outcome).toBe("not_connected");
    expect(db.select().from(events).where(eq(events.id, "evt_409")).get()).toBeUndefined();
    expect(db.select().from(messages).all()).toHaveLength(before);
    expect(integration("zoho").lastEventAt).toBeNull();
  });

  it("globex's events never touch acme", () => {
    const body = { ...fixtureNow("reauth-hubspot-token-revoked"), companyId: "globex" };
    ingest(body, { id: "evt_globex" });
    expect(integration("hubspot", "globex").status).toBe("needs_reauth");
    expect(integration("hubspot", "acme").status).toBe("connected");
    const [message] = db.select().from(messages).where(eq(messages.companyId, "globex")).all();
    expect(message.to).toEqual(["admin@globex.test"]);
  });
});

describe("ingestEvent: why no email (the integration timeline's reason)", () => {
  const reasonOf = (id: string) => db.select({ r: events.noEmailReason }).from(events).where(eq(events.id, id)).get()!.r;

  it("records the reason at the moment it decided, and none when an email was planned", () => {
    const now = new Date();
    ingest(fixtureNow("reauth-hubspot-token-revoked", now), { id: "evt_r1", now });
    ingest(fixtureNow("reauth-hubspot-token-revoked", now), { id: "evt_r2", now });
    expect([reasonOf("evt_r1"), reasonOf("evt_r2")]).toEqual([null, "alert_already_open"]);

    db.update(reportSettings).set({ syncReportMode: "off" }).where(eq(reportSettings.companyId, "acme")).run();
    ingest(fixtureNow("sync-salesforce-push", now), { id: "evt_s1", now });
    db.update(reportSettings).set({ syncReportMode: "failures_only" }).where(eq(reportSettings.companyId, "acme")).run();
    ingest(fixtureNow("sync-hubspot-pull-clean", now), { id: "evt_s2", now });
    // changing the setting later does not rewrite what happened
    db.update(reportSettings).set({ syncReportMode: "always" }).where(eq(reportSettings.companyId, "acme")).run();
    expect([reasonOf("evt_s1"), reasonOf("evt_s2")]).toEqual(["sync_reports_off", "sync_without_failures"]);

    ingest(fixtureNow("disabled-hubspot-uninstalled", now), { id: "evt_d1", now });
    ingest(fixtureNow("sync-hubspot-pull-clean", now), { id: "evt_s3", now });
    expect(reasonOf("evt_s3")).toBe("integration_disabled");
  });
});
