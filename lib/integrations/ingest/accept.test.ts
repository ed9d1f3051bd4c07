import { describe, expect, it, vi } from "vitest";

await vi.hoisted(async () => {
  (await import("@/lib/testing/test-database-url")).useTestDatabaseUrl("ingest");
  process.env.APP_URL = "https://switchboard.example";
});

import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { useDemoDatabase } from "@/lib/testing/test-database";
import { events, messages, notificationRecords, reportSettings } from "@/db/schema";
import { fixtureNow } from "@/lib/testing/events";
import { ingest, integrationRow as integration, notificationsOfEvent as notificationsOf } from "@/lib/testing/integration-status";

/* Ingestion's reports, idempotency and refusals; the status events are in status-events.test.ts. */

useDemoDatabase(db);

describe("ingestEvent: reports", () => {
  it("mapping errors: groups, first records, reported and detailed counts, links, every record stored", async () => {
    // window 0 = sent at once; digests within a window: lib/notifications/digest.test.ts
    await db.update(reportSettings).set({ mappingDigestMinutes: 0 }).where(eq(reportSettings.companyId, "acme"));
    await ingest(fixtureNow("mapping-hubspot-push"), { id: "evt_map" });
    const [n] = await notificationsOf("evt_map");
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
    expect(await db.select().from(notificationRecords).where(eq(notificationRecords.notificationId, n.id))).toHaveLength(5);
  });

  it("sync reports follow the company's setting", async () => {
    const mode = (m: "always" | "failures_only" | "off") =>
      db.update(reportSettings).set({ syncReportMode: m }).where(eq(reportSettings.companyId, "acme"));
    const sent = async (fixture: string) => {
      const r = await ingest(fixtureNow(fixture));
      return r.outcome === "accepted" ? r.messageIds.length : -1;
    };
    await mode("always");
    expect(await sent("sync-hubspot-pull-clean")).toBe(1);
    await mode("failures_only");
    expect(await sent("sync-hubspot-pull-clean")).toBe(0);
    expect(await sent("sync-salesforce-push")).toBe(1);
    expect(await sent("sync-salesforce-users")).toBe(1);
    await mode("off");
    expect(await sent("sync-salesforce-push")).toBe(0);
  });

  it("sync report props carry counts, failures and the report links", async () => {
    await ingest(fixtureNow("sync-salesforce-push"), { id: "evt_sync" });
    const [n] = await notificationsOf("evt_sync");
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

describe("ingestEvent: idempotency and refusals (docs/product R18, R19)", () => {
  it("the same webhook-id again, even with another body, changes nothing", async () => {
    const first = fixtureNow("reauth-hubspot-token-revoked");
    await ingest(first, { id: "evt_dup" });
    expect(await ingest(first, { id: "evt_dup" })).toEqual({ outcome: "duplicate", eventId: "evt_dup" });
    expect(await ingest(fixtureNow("sync-salesforce-push"), { id: "evt_dup" })).toEqual({ outcome: "duplicate", eventId: "evt_dup" });
    const other = { ...fixtureNow("sync-salesforce-push"), companyId: "nope" };
    expect(await ingest(other, { id: "evt_dup" })).toEqual({ outcome: "duplicate", eventId: "evt_dup" });
    const [stored] = await db.select().from(events).where(eq(events.id, "evt_dup")).limit(1);
    expect(stored.body).toBe(JSON.stringify(first));
    expect(await notificationsOf("evt_dup")).toHaveLength(1);
  });

  it("unknown company and a never-connected integration store nothing", async () => {
    const before = (await db.select().from(messages)).length;
    expect((await ingest({ ...fixtureNow("enabled-hubspot"), companyId: "initech" }, { id: "evt_404" })).outcome).toBe("unknown_company");
    expect((await ingest(fixtureNow("mapping-zoho-push"), { id: "evt_409" })).outcome).toBe("not_connected");
    expect((await ingest(fixtureNow("sync-zoho-view"), { id: "evt_409b" })).outcome).toBe("not_connected");
    const [refused] = await db.select().from(events).where(eq(events.id, "evt_409")).limit(1);
    expect(refused).toBeUndefined();
    expect(await db.select().from(messages)).toHaveLength(before);
    expect((await integration("zoho")).lastEventAt).toBeNull();
  });

  it("globex's events never touch acme", async () => {
    const body = { ...fixtureNow("reauth-hubspot-token-revoked"), companyId: "globex" };
    await ingest(body, { id: "evt_globex" });
    expect((await integration("hubspot", "globex")).status).toBe("needs_reauth");
    expect((await integration("hubspot", "acme")).status).toBe("connected");
    const [message] = await db.select().from(messages).where(eq(messages.companyId, "globex"));
    expect(message.to).toEqual(["admin@globex.test"]);
  });
});

describe("ingestEvent: why no email (the integration timeline's reason)", () => {
  const reasonOf = async (id: string) => {
    const [row] = await db.select({ r: events.noEmailReason }).from(events).where(eq(events.id, id)).limit(1);
    return row.r;
  };

  it("records the reason at the moment it decided, and none when an email was planned", async () => {
    const now = new Date();
    await ingest(fixtureNow("reauth-hubspot-token-revoked", now), { id: "evt_r1", now });
    await ingest(fixtureNow("reauth-hubspot-token-revoked", now), { id: "evt_r2", now });
    expect([await reasonOf("evt_r1"), await reasonOf("evt_r2")]).toEqual([null, "alert_already_open"]);

    await db.update(reportSettings).set({ syncReportMode: "off" }).where(eq(reportSettings.companyId, "acme"));
    await ingest(fixtureNow("sync-salesforce-push", now), { id: "evt_s1", now });
    await db.update(reportSettings).set({ syncReportMode: "failures_only" }).where(eq(reportSettings.companyId, "acme"));
    await ingest(fixtureNow("sync-hubspot-pull-clean", now), { id: "evt_s2", now });
    // changing the setting later does not rewrite what happened
    await db.update(reportSettings).set({ syncReportMode: "always" }).where(eq(reportSettings.companyId, "acme"));
    expect([await reasonOf("evt_s1"), await reasonOf("evt_s2")]).toEqual(["sync_reports_off", "sync_without_failures"]);

    await ingest(fixtureNow("disabled-hubspot-uninstalled", now), { id: "evt_d1", now });
    await ingest(fixtureNow("sync-hubspot-pull-clean", now), { id: "evt_s3", now });
    expect(await reasonOf("evt_s3")).toBe("integration_disabled");
  });
});
