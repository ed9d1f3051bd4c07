import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.DATABASE_URL = `/tmp/switchboard-admin-actions-${process.pid}-${Date.now()}.db`;
  process.env.APP_URL = "https://switchboard.example";
  process.env.NOTIFICATIONS_BCC = "escalations@switchboard.test";
});

import { and, desc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { useDemoDatabase } from "@/lib/testing/test-database";
import { auditLog, companies, events, integrations, messages, notifications, scheduledJobs } from "@/db/schema";
import type { Provider } from "@/lib/integrations/providers";
import { getIntegration, getIntegrationSettingsVersion, getIntegrations, saveIntegrationSettings } from "@/db/queries/integrations";
import type { Viewer } from "@/lib/auth/session";
import { defaultSettings } from "./settings/schema";
import { setStatusAsAdmin } from "./admin-actions";

const row = (provider: Provider, companyId = "acme") =>
  db
    .select()
    .from(integrations)
    .where(and(eq(integrations.companyId, companyId), eq(integrations.provider, provider)))
    .get()!;

function viewer(companyId = "acme"): Viewer {
  const company = db.select().from(companies).where(eq(companies.id, companyId)).get()!;
  return companyId === "acme"
    ? { userId: "usr_acme_admin", name: "Ada Admin", email: "admin@acme.test", role: "company_admin", companyId, company }
    : { userId: "usr_globex_admin", name: "Gina Globex", email: "admin@globex.test", role: "company_admin", companyId, company };
}

const lastAudit = () => db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1).get()!;

useDemoDatabase(db);

describe("setStatusAsAdmin (R11)", () => {
  it("disables with an audit row naming the admin and plans the disabled email with the BCC", () => {
    const result = setStatusAsAdmin({ viewer: viewer(), provider: "hubspot", action: "disable" });
    expect(result).toEqual({ ok: true, message: expect.stringContaining("HubSpot is disabled") });
    expect(row("hubspot")).toMatchObject({ status: "disabled", statusReason: "admin", disabledBy: "admin" });
    expect(lastAudit()).toMatchObject({
      actorType: "user",
      actorId: "usr_acme_admin",
      actorLabel: "Ada Admin <admin@acme.test>",
      action: "integration.disabled",
      entity: "integration:hubspot",
    });
    const n = db.select().from(notifications).all();
    expect(n.map((x) => x.kind)).toEqual(["integration_disabled"]);
    expect(n[0].props).toMatchObject({
      provider: "hubspot",
      disableReason: "admin",
      needsReconnect: false,
      actor: { name: "Ada Admin", email: "admin@acme.test" },
    });
    const m = db.select().from(messages).all();
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ to: ["admin@acme.test"], bcc: "escalations@switchboard.test", status: "queued" });
  });

  it("enables only what an admin disabled, and sends the enabled email", () => {
    expect(setStatusAsAdmin({ viewer: viewer(), provider: "hubspot", action: "enable" })).toEqual({
      ok: false,
      error: expect.stringContaining("only a disabled integration can be enabled"),
    });
    setStatusAsAdmin({ viewer: viewer(), provider: "hubspot", action: "disable" });
    expect(setStatusAsAdmin({ viewer: viewer(), provider: "hubspot", action: "enable" }).ok).toBe(true);
    expect(row("hubspot")).toMatchObject({ status: "connected", statusReason: null, disabledBy: null });
    expect(
      db
        .select()
        .from(notifications)
        .all()
        .map((x) => x.kind),
    ).toEqual(["integration_disabled", "integration_enabled"]);

    db.update(integrations)
      .set({ status: "disabled", statusReason: "token_revoked", disabledBy: "auth" })
      .where(eq(integrations.id, row("salesforce").id))
      .run();
    const refused = setStatusAsAdmin({ viewer: viewer(), provider: "salesforce", action: "enable" });
    expect(refused).toEqual({ ok: false, error: expect.stringContaining("Reconnect it to turn it back on") });
    expect(row("salesforce").status).toBe("disabled");
  });

  it("Disable keeps a broken authorization: the alert and deadline stay, the reminder pauses; Enable returns to needs_reauth without an enabled email", () => {
    const now = new Date();
    const deadline = new Date(now.getTime() + 72 * 3600_000);
    const hubspot = row("hubspot");
    db.update(integrations)
      .set({
        status: "needs_reauth",
        statusReason: "token_revoked",
        reauthReason: "token_revoked",
        reauthAlertOpenedAt: now,
        reauthDeadlineAt: deadline,
      })
      .where(eq(integrations.id, hubspot.id))
      .run();
    for (const kind of ["reauth_reminder", "reauth_deadline"] as const) {
      db.insert(scheduledJobs).values({ companyId: "acme", kind, integrationId: hubspot.id, dueAt: now, createdAt: now }).run();
    }
    db.insert(scheduledJobs)
      .values({ companyId: "acme", kind: "reauth_reminder", integrationId: row("salesforce").id, dueAt: now, createdAt: now })
      .run();
    const jobs = () =>
      db
        .select()
        .from(scheduledJobs)
        .all()
        .map((j) => [j.integrationId, j.kind, j.status]);

    expect(setStatusAsAdmin({ viewer: viewer(), provider: "hubspot", action: "disable", now })).toMatchObject({
      ok: true,
      message: expect.stringContaining("still broken"),
    });
    expect(row("hubspot")).toMatchObject({
      status: "disabled",
      disabledBy: "admin",
      reauthReason: "token_revoked",
      reauthDeadlineAt: deadline,
    });
    expect(jobs()).toEqual([
      [hubspot.id, "reauth_reminder", "paused"],
      [hubspot.id, "reauth_deadline", "pending"],
      [row("salesforce").id, "reauth_reminder", "pending"],
    ]);
    expect(lastAudit()).toMatchObject({
      actorLabel: "Ada Admin <admin@acme.test>",
      after: { status: "disabled", authorization: "broken" },
    });

    const later = new Date(now.getTime() + 3600_000);
    const enabled = setStatusAsAdmin({ viewer: viewer(), provider: "hubspot", action: "enable", now: later });
    expect(enabled).toMatchObject({ ok: true, message: expect.stringContaining("can't sync") });
    expect(row("hubspot")).toMatchObject({
      status: "needs_reauth",
      statusReason: "token_revoked",
      reauthAlertOpenedAt: now,
      reauthDeadlineAt: deadline,
    });
    expect(jobs()[0]).toEqual([hubspot.id, "reauth_reminder", "pending"]);
    expect(db.select().from(notifications).where(eq(notifications.kind, "integration_enabled")).all()).toHaveLength(0);
    expect(lastAudit()).toMatchObject({
      action: "integration.needs_reauth",
      before: { status: "disabled" },
      after: { status: "needs_reauth", authorization: "broken" },
    });
  });

  it("refuses Enable once the open alert's deadline passed while disabled", () => {
    const now = new Date();
    db.update(integrations)
      .set({
        status: "disabled",
        statusReason: "admin",
        disabledBy: "admin",
        reauthReason: "token_revoked",
        reauthAlertOpenedAt: now,
        reauthDeadlineAt: now,
      })
      .where(eq(integrations.id, row("hubspot").id))
      .run();
    expect(setStatusAsAdmin({ viewer: viewer(), provider: "hubspot", action: "enable", now })).toEqual({
      ok: false,
      error: expect.stringContaining("deadline for HubSpot passed"),
    });
    expect(row("hubspot").status).toBe("disabled");
  });

  it("acts on the viewer's own company only", () => {
    expect(setStatusAsAdmin({ viewer: viewer("globex"), provider: "salesforce", action: "disable" })).toEqual({
      ok: false,
      error: expect.stringContaining("isn't connected"),
    });
    expect(row("salesforce", "acme").status).toBe("connected");
    setStatusAsAdmin({ viewer: viewer("globex"), provider: "hubspot", action: "disable" });
    expect(row("hubspot", "acme").status).toBe("connected");
    expect(row("hubspot", "globex").status).toBe("disabled");
  });
});

describe("saveIntegrationSettings", () => {
  it("stores all tabs with an audit row of what changed, and writes nothing when nothing changed", () => {
    const settings = structuredClone(defaultSettings("hubspot"));
    settings.sync.contactCreation = "bidirectional";
    settings.communication.logSms = false;
    const actor = { userId: "usr_acme_admin", label: "Ada Admin <admin@acme.test>" };
    const version = Number(getIntegrationSettingsVersion({ companyId: "acme", provider: "hubspot" }));
    const saved = saveIntegrationSettings({ companyId: "acme", provider: "hubspot", settings, actor, version });
    expect(saved).toEqual({
      found: true,
      changed: ["communication.logSms", "sync.contactCreation"],
      version: String(lastAudit().id),
    });
    expect(getIntegration({ companyId: "acme", provider: "hubspot" })!.settings).toEqual(settings);
    expect(getIntegration({ companyId: "globex", provider: "hubspot" })!.settings).toEqual(defaultSettings("hubspot"));
    expect(lastAudit()).toMatchObject({
      action: "integration.settings_changed",
      actorLabel: "Ada Admin <admin@acme.test>",
      before: { "communication.logSms": true, "sync.contactCreation": "inbound" },
      after: { "communication.logSms": false, "sync.contactCreation": "bidirectional" },
    });
    const audits = db.select().from(auditLog).all().length;
    const again = saveIntegrationSettings({ companyId: "acme", provider: "hubspot", settings, actor, version: Number(lastAudit().id) });
    expect(again).toEqual({ found: true, changed: [], version: String(lastAudit().id) });
    expect(db.select().from(auditLog).all()).toHaveLength(audits);
  });
});

describe("getIntegrations", () => {
  it("gives each integration its own latest event, within the company", () => {
    const at = (m: number) => new Date(Date.UTC(2026, 0, 1, 12, m));
    const event = (id: string, companyId: string, provider: Provider, type: "sync.completed" | "integration.reauth_required", m: number) =>
      db
        .insert(events)
        .values({ id, companyId, provider, type, occurredAt: at(m), receivedAt: at(m), body: "{}" })
        .run();
    event("e1", "acme", "hubspot", "integration.reauth_required", 1);
    event("e2", "acme", "hubspot", "sync.completed", 2);
    event("e3", "acme", "salesforce", "integration.reauth_required", 3);
    event("e4", "globex", "hubspot", "integration.reauth_required", 4);
    const byProvider = (companyId: string) => Object.fromEntries(getIntegrations({ companyId }).map((c) => [c.provider, c.lastEventType]));
    expect(byProvider("acme")).toEqual({ hubspot: "sync.completed", salesforce: "integration.reauth_required", zoho: null });
    expect(byProvider("globex")).toEqual({ hubspot: "integration.reauth_required", salesforce: null, zoho: null });
  });
});
