import { describe, expect, it, vi } from "vitest";

await vi.hoisted(async () => {
  (await import("@/lib/testing/test-database-url")).useTestDatabaseUrl("versions");
});

import { desc } from "drizzle-orm";
import { db } from "@/db/client";
import { useDemoDatabase } from "@/lib/testing/test-database";
import { auditLog } from "@/db/schema";
import { defaultSettings } from "@/lib/integrations/settings/schema";
import type { ReportSettingsInput } from "@/lib/report-settings/schema";
import { getReportSettings, getReportSettingsVersion } from "./report-settings";
import { saveReportSettings } from "@/lib/report-settings/save";
import { getIntegration, getIntegrationSettingsVersion, saveIntegrationSettings } from "./integrations";
import { saveIntegrationState, getIntegrationState } from "./integrations-status";

/*
 * The stale-save rule (docs/security/lost-updates.md) on both settings forms:
 * a save names the version it was loaded at; once another save is recorded,
 * that version saves nothing and the answer says who changed what.
 */

const BCC = "escalations@switchboard.test";
const ADA = { userId: "usr_acme_admin", label: "Ada Admin <admin@acme.test>" };
const BILL = { userId: "usr_acme_billing", label: "Bill Ledger <billing@acme.test>" };
const AT = new Date("2026-06-03T18:02:00Z"); // 2:02 PM in New York (EDT)

const input = (over: Partial<ReportSettingsInput> = {}): ReportSettingsInput => ({
  roles: ["company_admin"],
  additionalUserIds: [],
  escalationBcc: null,
  syncReportMode: "always",
  mappingDigestMinutes: 15,
  timeZone: "America/New_York",
  ...over,
});
const auditCount = async () => (await db.select().from(auditLog)).length;
const lastAudit = async () => (await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0]!;

useDemoDatabase(db);

describe("saveReportSettings: the stale-save rule", () => {
  it("refuses a save from before another admin's save, saves nothing, and names them and the field", async () => {
    const loaded = Number(await getReportSettingsVersion({ companyId: "acme" }));
    const a = await saveReportSettings({
      companyId: "acme",
      actor: ADA,
      input: input({ mappingDigestMinutes: 30 }),
      version: loaded,
      defaultBcc: BCC,
      at: AT,
    });
    expect(a).toMatchObject({ ok: true, changed: true, version: String((await lastAudit()).id) });
    const audits = await auditCount();

    const b = await saveReportSettings({
      companyId: "acme",
      actor: BILL,
      input: input({ syncReportMode: "off" }),
      version: loaded,
      defaultBcc: BCC,
    });
    expect(b.ok).toBe(false);
    if (b.ok || !("conflict" in b)) throw new Error("expected a conflict");
    expect(b.conflict.message).toBe(
      "Ada Admin (admin@acme.test) changed these settings at Jun 3, 2:02 PM EDT — review their change below. Nothing of yours was saved; your edits are still in the form.",
    );
    expect(b.conflict.changes).toEqual([
      { field: "mappingDigestMinutes", label: "Mapping errors digest", loaded: "15 minutes", saved: "30 minutes" },
    ]);
    expect(b.conflict.version).toBe(a.ok ? a.version : "");
    expect(b.current.mappingDigestMinutes).toBe(30);
    // nothing of B's: same settings, no audit row
    expect(await getReportSettings({ companyId: "acme" })).toMatchObject({ mappingDigestMinutes: 30, syncReportMode: "always" });
    expect(await auditCount()).toBe(audits);
    expect((await lastAudit()).actorId).toBe("usr_acme_admin");

    // with the version the conflict gave, B's save goes through
    const again = await saveReportSettings({
      companyId: "acme",
      actor: BILL,
      input: input({ mappingDigestMinutes: 30, syncReportMode: "off" }),
      version: Number(b.conflict.version),
      defaultBcc: BCC,
    });
    expect(again).toMatchObject({ ok: true, changed: true });
    expect(await getReportSettings({ companyId: "acme" })).toMatchObject({ mappingDigestMinutes: 30, syncReportMode: "off" });
  });

  it("counts every save since, and says 'you' for the same person in another tab", async () => {
    const loaded = Number(await getReportSettingsVersion({ companyId: "acme" }));
    const first = await saveReportSettings({
      companyId: "acme",
      actor: BILL,
      input: input({ mappingDigestMinutes: 30 }),
      version: loaded,
      defaultBcc: BCC,
    });
    await saveReportSettings({
      companyId: "acme",
      actor: ADA,
      input: input({ mappingDigestMinutes: 45 }),
      version: Number(first.ok && first.version),
      defaultBcc: BCC,
      at: AT,
    });
    const stale = await saveReportSettings({
      companyId: "acme",
      actor: ADA,
      input: input({ roles: ["billing_admin"] }),
      version: loaded,
      defaultBcc: BCC,
    });
    if (stale.ok || !("conflict" in stale)) throw new Error("expected a conflict");
    expect(stale.conflict.message).toMatch(
      /^You changed these settings in another tab or window at Jun 3, 2:02 PM EDT \(the latest of 2 saves since you opened this page\)/,
    );
    // loaded (15) against saved now (45): the middle value doesn't matter
    expect(stale.conflict.changes).toEqual([expect.objectContaining({ loaded: "15 minutes", saved: "45 minutes" })]);
  });

  it("refuses a version from the future (forged) with a clear error, and a current one saves", async () => {
    const now = Number(await getReportSettingsVersion({ companyId: "acme" }));
    const forged = await saveReportSettings({
      companyId: "acme",
      actor: ADA,
      input: input({ mappingDigestMinutes: 60 }),
      version: now + 1000,
      defaultBcc: BCC,
    });
    expect(forged).toEqual({ ok: false, error: expect.stringContaining("Nothing was saved") });
    expect((await getReportSettings({ companyId: "acme" })).mappingDigestMinutes).toBe(15);
    expect(
      (
        await saveReportSettings({
          companyId: "acme",
          actor: ADA,
          input: input({ mappingDigestMinutes: 60 }),
          version: now,
          defaultBcc: BCC,
        })
      ).ok,
    ).toBe(true);
  });

  it("versions are per company: another company's save doesn't make Acme's form stale", async () => {
    const acme = Number(await getReportSettingsVersion({ companyId: "acme" }));
    const globex = Number(await getReportSettingsVersion({ companyId: "globex" }));
    await saveReportSettings({
      companyId: "globex",
      actor: { userId: "usr_globex_admin", label: "Gina" },
      input: input({ timeZone: "Europe/Berlin", mappingDigestMinutes: 5 }),
      version: globex,
      defaultBcc: BCC,
    });
    expect(
      (
        await saveReportSettings({
          companyId: "acme",
          actor: ADA,
          input: input({ mappingDigestMinutes: 30 }),
          version: acme,
          defaultBcc: BCC,
        })
      ).ok,
    ).toBe(true);
  });
});

describe("saveIntegrationSettings: the stale-save rule", () => {
  const settings = () => structuredClone(defaultSettings("hubspot"));

  it("refuses a Save from before another Save, saves nothing, and lists what differs with the wizard's labels", async () => {
    const loaded = Number(await getIntegrationSettingsVersion({ companyId: "acme", provider: "hubspot" }));
    const theirs = settings();
    theirs.communication.logSms = false;
    const a = await saveIntegrationSettings({
      companyId: "acme",
      provider: "hubspot",
      settings: theirs,
      version: loaded,
      actor: ADA,
      now: AT,
    });
    expect(a).toMatchObject({ found: true, changed: ["communication.logSms"] });
    const audits = await auditCount();

    const mine = settings();
    mine.sync.contactCreation = "bidirectional";
    const b = await saveIntegrationSettings({ companyId: "acme", provider: "hubspot", settings: mine, version: loaded, actor: BILL });
    if (!b.found || !("conflict" in b)) throw new Error("expected a conflict");
    expect(b.conflict.message).toMatch(
      /^Ada Admin \(admin@acme\.test\) changed these settings at Jun 3, 2:02 PM EDT — review their change below\./,
    );
    expect(b.conflict.changes).toEqual([{ field: "communication.logSms", label: "Communication › Log SMS", loaded: "On", saved: "Off" }]);
    expect((await getIntegration({ companyId: "acme", provider: "hubspot" }))!.settings).toEqual(theirs);
    expect(await auditCount()).toBe(audits);

    const again = await saveIntegrationSettings({
      companyId: "acme",
      provider: "hubspot",
      settings: mine,
      version: Number(b.conflict.version),
      actor: BILL,
    });
    expect(again).toMatchObject({ found: true, changed: ["communication.logSms", "sync.contactCreation"] });
  });

  it("a status change doesn't make the wizard stale; another provider's Save doesn't either", async () => {
    const loaded = Number(await getIntegrationSettingsVersion({ companyId: "acme", provider: "hubspot" }));
    const state = (await getIntegrationState({ tx: db, companyId: "acme", provider: "hubspot" }))!;
    await saveIntegrationState({
      tx: db,
      companyId: "acme",
      provider: "hubspot",
      before: state,
      after: { ...state, status: "disabled", statusReason: "admin", disabledBy: "admin" },
      actor: { type: "user", id: ADA.userId, label: ADA.label },
      at: AT,
    });
    const sf = structuredClone(defaultSettings("salesforce"));
    sf.communication.logCalls = false;
    await saveIntegrationSettings({
      companyId: "acme",
      provider: "salesforce",
      settings: sf,
      version: Number(await getIntegrationSettingsVersion({ companyId: "acme", provider: "salesforce" })),
      actor: ADA,
    });
    const mine = settings();
    mine.communication.missedCallTask = true;
    expect(
      await saveIntegrationSettings({ companyId: "acme", provider: "hubspot", settings: mine, version: loaded, actor: ADA }),
    ).toMatchObject({
      found: true,
      changed: ["communication.missedCallTask"],
    });
  });

  it("refuses a version from the future with a clear error", async () => {
    const r = await saveIntegrationSettings({ companyId: "acme", provider: "hubspot", settings: settings(), version: 10_000, actor: ADA });
    expect(r).toEqual({ found: true, error: expect.stringContaining("Nothing was saved") });
  });
});
