import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.DATABASE_URL = `/tmp/switchboard-ingest-${process.pid}-${Date.now()}.db`;
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

describe("ingestEvent: idempotency and refusals (docs/product R18, R19)", () => {
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
