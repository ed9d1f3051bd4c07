import { describe, expect, it, vi } from "vitest";

await vi.hoisted(async () => {
  (await import("@/lib/testing/test-database-url")).useTestDatabaseUrl("admin-actions");
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

const row = async (provider: Provider, companyId = "acme") => {
  const [found] = await db
    .select()
    .from(integrations)
    .where(and(eq(integrations.companyId, companyId), eq(integrations.provider, provider)))
    .limit(1);
  return found;
};

async function viewer(companyId = "acme"): Promise<Viewer> {
  const [company] = await db.select().from(companies).where(eq(companies.id, companyId)).limit(1);
  return companyId === "acme"
    ? { userId: "usr_acme_admin", name: "Ada Admin", email: "admin@acme.test", role: "company_admin", companyId, company }
    : { userId: "usr_globex_admin", name: "Gina Globex", email: "admin@globex.test", role: "company_admin", companyId, company };
}

const lastAudit = async () => (await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0];

useDemoDatabase(db);

describe("setStatusAsAdmin (R11)", () => {
  it("disables with an audit row naming the admin and plans the disabled email with the BCC", async () => {
    const result = await setStatusAsAdmin({ viewer: await viewer(), provider: "hubspot", action: "disable" });
    expect(result).toEqual({ ok: true, message: expect.stringContaining("HubSpot is disabled") });
    expect(await row("hubspot")).toMatchObject({ status: "disabled", statusReason: "admin", disabledBy: "admin" });
    expect(await lastAudit()).toMatchObject({
      actorType: "user",
      actorId: "usr_acme_admin",
      actorLabel: "Ada Admin <admin@acme.test>",
      action: "integration.disabled",
      entity: "integration:hubspot",
    });
    const n = await db.select().from(notifications);
    expect(n.map((x) => x.kind)).toEqual(["integration_disabled"]);
    expect(n[0].props).toMatchObject({
      provider: "hubspot",
      disableReason: "admin",
      needsReconnect: false,
      actor: { name: "Ada Admin", email: "admin@acme.test" },
    });
    const m = await db.select().from(messages);
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ to: ["admin@acme.test"], bcc: "escalations@switchboard.test", status: "queued" });
  });

  it("enables only what an admin disabled, and sends the enabled email", async () => {
    expect(await setStatusAsAdmin({ viewer: await viewer(), provider: "hubspot", action: "enable" })).toEqual({
      ok: false,
      error: expect.stringContaining("only a disabled integration can be enabled"),
    });
    await setStatusAsAdmin({ viewer: await viewer(), provider: "hubspot", action: "disable" });
    expect((await setStatusAsAdmin({ viewer: await viewer(), provider: "hubspot", action: "enable" })).ok).toBe(true);
    expect(await row("hubspot")).toMatchObject({ status: "connected", statusReason: null, disabledBy: null });
    expect((await db.select().from(notifications)).map((x) => x.kind)).toEqual(["integration_disabled", "integration_enabled"]);

    await db
      .update(integrations)
      .set({ status: "disabled", statusReason: "token_revoked", disabledBy: "auth" })
      .where(eq(integrations.id, (await row("salesforce")).id));
    const refused = await setStatusAsAdmin({ viewer: await viewer(), provider: "salesforce", action: "enable" });
    expect(refused).toEqual({ ok: false, error: expect.stringContaining("Reconnect it to turn it back on") });
    expect((await row("salesforce")).status).toBe("disabled");
  });

  it("Disable keeps a broken authorization: the alert and deadline stay, the reminder pauses; Enable returns to needs_reauth without an enabled email", async () => {
    const now = new Date();
    const deadline = new Date(now.getTime() + 72 * 3600_000);
    const hubspot = await row("hubspot");
    const salesforce = await row("salesforce");
    await db
      .update(integrations)
      .set({
        status: "needs_reauth",
        statusReason: "token_revoked",
        reauthReason: "token_revoked",
        reauthAlertOpenedAt: now,
        reauthDeadlineAt: deadline,
      })
      .where(eq(integrations.id, hubspot.id));
    for (const kind of ["reauth_reminder", "reauth_deadline"] as const) {
      await db.insert(scheduledJobs).values({ companyId: "acme", kind, integrationId: hubspot.id, dueAt: now, createdAt: now });
    }
    await db
      .insert(scheduledJobs)
      .values({ companyId: "acme", kind: "reauth_reminder", integrationId: salesforce.id, dueAt: now, createdAt: now });
    // in the order they were scheduled: without an ORDER BY, PostgreSQL returns an updated row after the others
    const jobs = async () =>
      (await db.select().from(scheduledJobs).orderBy(scheduledJobs.id)).map((j) => [j.integrationId, j.kind, j.status]);

    expect(await setStatusAsAdmin({ viewer: await viewer(), provider: "hubspot", action: "disable", now })).toMatchObject({
      ok: true,
      message: expect.stringContaining("still broken"),
    });
    expect(await row("hubspot")).toMatchObject({
      status: "disabled",
      disabledBy: "admin",
      reauthReason: "token_revoked",
      reauthDeadlineAt: deadline,
    });
    expect(await jobs()).toEqual([
      [hubspot.id, "reauth_reminder", "paused"],
      [hubspot.id, "reauth_deadline", "pending"],
      [salesforce.id, "reauth_reminder", "pending"],
    ]);
    expect(await lastAudit()).toMatchObject({
      actorLabel: "Ada Admin <admin@acme.test>",
      after: { status: "disabled", authorization: "broken" },
    });

    const later = new Date(now.getTime() + 3600_000);
    const enabled = await setStatusAsAdmin({ viewer: await viewer(), provider: "hubspot", action: "enable", now: later });
    expect(enabled).toMatchObject({ ok: true, message: expect.stringContaining("can't sync") });
    expect(await row("hubspot")).toMatchObject({
      status: "needs_reauth",
      statusReason: "token_revoked",
      reauthAlertOpenedAt: now,
      reauthDeadlineAt: deadline,
    });
    expect((await jobs())[0]).toEqual([hubspot.id, "reauth_reminder", "pending"]);
    expect(await db.select().from(notifications).where(eq(notifications.kind, "integration_enabled"))).toHaveLength(0);
    expect(await lastAudit()).toMatchObject({
      action: "integration.needs_reauth",
      before: { status: "disabled" },
      after: { status: "needs_reauth", authorization: "broken" },
    });
  });

  it("refuses Enable once the open alert's deadline passed while disabled", async () => {
    const now = new Date();
    const hubspot = await row("hubspot");
    await db
      .update(integrations)
      .set({
        status: "disabled",
        statusReason: "admin",
        disabledBy: "admin",
        reauthReason: "token_revoked",
        reauthAlertOpenedAt: now,
        reauthDeadlineAt: now,
      })
      .where(eq(integrations.id, hubspot.id));
    expect(await setStatusAsAdmin({ viewer: await viewer(), provider: "hubspot", action: "enable", now })).toEqual({
      ok: false,
      error: expect.stringContaining("deadline for HubSpot passed"),
    });
    expect((await row("hubspot")).status).toBe("disabled");
  });

  it("acts on the viewer's own company only", async () => {
    expect(await setStatusAsAdmin({ viewer: await viewer("globex"), provider: "salesforce", action: "disable" })).toEqual({
      ok: false,
      error: expect.stringContaining("isn't connected"),
    });
    expect((await row("salesforce", "acme")).status).toBe("connected");
    await setStatusAsAdmin({ viewer: await viewer("globex"), provider: "hubspot", action: "disable" });
    expect((await row("hubspot", "acme")).status).toBe("connected");
    expect((await row("hubspot", "globex")).status).toBe("disabled");
  });
});

describe("saveIntegrationSettings", () => {
  it("stores all tabs with an audit row of what changed, and writes nothing when nothing changed", async () => {
    const settings = structuredClone(defaultSettings("hubspot"));
    settings.sync.contactCreation = "bidirectional";
    settings.communication.logSms = false;
    const actor = { userId: "usr_acme_admin", label: "Ada Admin <admin@acme.test>" };
    const version = Number(await getIntegrationSettingsVersion({ companyId: "acme", provider: "hubspot" }));
    const saved = await saveIntegrationSettings({ companyId: "acme", provider: "hubspot", settings, actor, version });
    expect(saved).toEqual({
      found: true,
      changed: ["communication.logSms", "sync.contactCreation"],
      version: String((await lastAudit()).id),
    });
    expect((await getIntegration({ companyId: "acme", provider: "hubspot" }))!.settings).toEqual(settings);
    expect((await getIntegration({ companyId: "globex", provider: "hubspot" }))!.settings).toEqual(defaultSettings("hubspot"));
    expect(await lastAudit()).toMatchObject({
      action: "integration.settings_changed",
      actorLabel: "Ada Admin <admin@acme.test>",
      before: { "communication.logSms": true, "sync.contactCreation": "inbound" },
      after: { "communication.logSms": false, "sync.contactCreation": "bidirectional" },
    });
    const audits = (await db.select().from(auditLog)).length;
    const latest = Number((await lastAudit()).id);
    const again = await saveIntegrationSettings({ companyId: "acme", provider: "hubspot", settings, actor, version: latest });
    expect(again).toEqual({ found: true, changed: [], version: String((await lastAudit()).id) });
    expect(await db.select().from(auditLog)).toHaveLength(audits);
  });
});

describe("getIntegrations", () => {
  it("gives each integration its own latest event, within the company", async () => {
    const at = (m: number) => new Date(Date.UTC(2026, 0, 1, 12, m));
    const event = (id: string, companyId: string, provider: Provider, type: "sync.completed" | "integration.reauth_required", m: number) =>
      db.insert(events).values({ id, companyId, provider, type, occurredAt: at(m), receivedAt: at(m), body: "{}" });
    await event("e1", "acme", "hubspot", "integration.reauth_required", 1);
    await event("e2", "acme", "hubspot", "sync.completed", 2);
    await event("e3", "acme", "salesforce", "integration.reauth_required", 3);
    await event("e4", "globex", "hubspot", "integration.reauth_required", 4);
    const byProvider = async (companyId: string) =>
      Object.fromEntries((await getIntegrations({ companyId })).map((c) => [c.provider, c.lastEventType]));
    expect(await byProvider("acme")).toEqual({ hubspot: "sync.completed", salesforce: "integration.reauth_required", zoho: null });
    expect(await byProvider("globex")).toEqual({ hubspot: "integration.reauth_required", salesforce: null, zoho: null });
  });
});
