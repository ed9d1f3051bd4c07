import { describe, expect, it, vi } from "vitest";

await vi.hoisted(async () => {
  (await import("@/lib/testing/test-database-url")).useTestDatabaseUrl("digest");
  process.env.APP_URL = "https://switchboard.example";
});

import { asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { transaction } from "@/db/queries/tx";
import { useDemoDatabase } from "@/lib/testing/test-database";
import { messages, notificationEvents, notificationRecords, notifications, reportSettings, scheduledJobs } from "@/db/schema";
import { insertOpenDigest } from "@/db/queries/digests";
import { fixtureNow, type EventBody } from "@/lib/testing/events";
import { parseIntegrationEvent } from "@/lib/integrations/ingest/events";
import { ingestEvent } from "@/lib/integrations/ingest/accept";
import { runDueJobs } from "@/lib/scheduled-jobs/run-due-jobs";
import { mergeDigestState, openDigestState, withinWindow, windowClosesAt, digestKeyOf } from "./digest-state";
import type { MappingErrorsProps } from "./email-props";

const MIN = 60_000;
const T = new Date("2026-11-27T13:00:00Z");
const at = (minutes: number) => new Date(T.getTime() + minutes * MIN);

let seq = 0;
async function ingest(body: EventBody, now: Date, id = `evt_${++seq}`) {
  const parsed = parseIntegrationEvent(body);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const result = await ingestEvent({ eventId: id, body: JSON.stringify(body), event: parsed.event, now });
  if (result.outcome !== "accepted") throw new Error(result.outcome);
  return result.messageIds;
}
/** The HubSpot push fixture at `minutes`, with its five records renamed so every event's records are distinct. */
function mapping(minutes: number, tag: string, fixture = "mapping-hubspot-push") {
  const body = fixtureNow(fixture, at(minutes));
  body.data.errors = body.data.errors.map((e: { recordId: string }) => ({ ...e, recordId: `${e.recordId}_${tag}` }));
  return body;
}
const windowMinutes = async (m: number) => {
  await db.update(reportSettings).set({ mappingDigestMinutes: m }).where(eq(reportSettings.companyId, "acme"));
};
const mappingNotifications = async () =>
  await db.select().from(notifications).where(eq(notifications.kind, "mapping_errors")).orderBy(asc(notifications.createdAt));
const messagesOf = async (notificationId: string) => await db.select().from(messages).where(eq(messages.notificationId, notificationId));
const run = async (minutes: number) => await runDueJobs({ now: at(minutes), log: () => undefined });

useDemoDatabase(db);

describe("digest state (pure)", () => {
  const input = (iso: string, totalRecords?: number, errorCount = 5) => ({
    occurredAt: new Date(iso),
    direction: "push" as const,
    object: "contact" as const,
    totalRecords,
    errorCount,
  });

  it("opens with the event's time and true count, and merges later and earlier events", () => {
    const open = openDigestState(input("2026-11-27T13:05:00Z", 250));
    expect(open).toEqual({
      direction: "push",
      object: "contact",
      firstAt: "2026-11-27T13:05:00.000Z",
      lastAt: "2026-11-27T13:05:00.000Z",
      eventCount: 1,
      totalRecords: 250,
    });
    const later = mergeDigestState(open, input("2026-11-27T13:09:00Z"));
    const earlier = mergeDigestState(later, input("2026-11-27T13:01:00Z", 2, 3)); // a count below the list is the list
    expect(earlier).toEqual({
      ...open,
      firstAt: "2026-11-27T13:01:00.000Z",
      lastAt: "2026-11-27T13:09:00.000Z",
      eventCount: 3,
      totalRecords: 258,
    });
  });

  it("a window is fixed from its first event, and excludes its closing instant", () => {
    const closes = windowClosesAt(T, 15);
    expect(closes).toEqual(at(15));
    expect(withinWindow(at(14.99), closes)).toBe(true);
    expect(withinWindow(at(15), closes)).toBe(false);
    expect(digestKeyOf({ direction: "pull" })).toBe("pull:contact");
    expect(digestKeyOf({ direction: "pull", object: "lead" })).toBe("pull:lead");
  });
});

describe("mapping-error digests (docs/product R23)", () => {
  it("5 events in 10 minutes with a 15-minute window: one digest listing all, grouped, sent when the window closes", async () => {
    await windowMinutes(15);
    for (let i = 0; i < 5; i++) expect(await ingest(mapping(i * 2.5, `e${i}`), at(i * 2.5))).toEqual([]);
    const [digest] = await mappingNotifications();
    expect(await mappingNotifications()).toHaveLength(1);
    expect(digest).toMatchObject({ digestStatus: "open", windowClosesAt: at(15), recordCount: 25 });
    expect(await messagesOf(digest.id)).toEqual([]);
    expect(await db.select().from(notificationEvents).where(eq(notificationEvents.notificationId, digest.id))).toHaveLength(5);
    expect((await run(14.9)).ran).toBe(0);

    const closed = await run(15);
    expect(closed.ran).toBe(1);
    expect(closed.messageIds).toHaveLength(1);
    const [after] = await db.select().from(notifications).where(eq(notifications.id, digest.id)).limit(1);
    expect(after.digestStatus).toBe("closed");
    const props = after.props as MappingErrorsProps;
    expect(props).toMatchObject({
      provider: "hubspot",
      direction: "push",
      object: "contact",
      eventCount: 5,
      totalRecords: 1250,
      firstAt: at(0).toISOString(),
      lastAt: at(10).toISOString(),
      detailedRecords: 25, // the workers reported 1,250 but detailed five each: the records page has 25 rows
      recordsUrl: `https://switchboard.example/notifications/${digest.id}/records`,
      mappingUrl: "https://switchboard.example/integrations/hubspot/settings/mapping",
      company: { id: "acme" },
    });
    expect(props.groups.map((g) => [g.code, g.count])).toEqual([
      ["INVALID_EMAIL", 5],
      ["INVALID_LONG", 5],
      ["INVALID_OPTION", 5],
      ["PROPERTY_DOESNT_EXIST", 5],
      ["READ_ONLY_VALUE", 5],
    ]);
    expect(props.groups.every((g) => g.tip.length > 20)).toBe(true);
    expect(props.records).toHaveLength(25);
    expect(props.records[0]).toMatchObject({ recordId: "c_1001_e0", code: "INVALID_OPTION" });
    expect(props.records[24]).toMatchObject({ recordId: "c_1005_e4" });
    expect(await db.select().from(notificationRecords).where(eq(notificationRecords.notificationId, digest.id))).toHaveLength(25);
    const [message] = await messagesOf(digest.id);
    expect(message).toMatchObject({ status: "queued", kind: "mapping_errors", plannedAt: at(15), to: ["admin@acme.test"] });
    expect((await run(30)).ran).toBe(0);
  });

  it("window 0: every event is its own email at once", async () => {
    await windowMinutes(0);
    for (let i = 0; i < 5; i++) expect(await ingest(mapping(i * 2.5, `e${i}`), at(i * 2.5))).toHaveLength(1);
    expect(await mappingNotifications()).toHaveLength(5);
    expect((await mappingNotifications()).every((n) => n.digestStatus === null)).toBe(true);
    expect(await db.select().from(scheduledJobs)).toEqual([]);
  });

  it("an event after the window, before its timer ran, closes the old digest and opens a new window", async () => {
    await windowMinutes(15);
    await ingest(mapping(0, "a"), at(0));
    await ingest(mapping(5, "b"), at(5));
    const planned = await ingest(mapping(16, "c"), at(16));
    expect(planned).toHaveLength(1); // the first digest, closed by this event
    const [first, second] = await mappingNotifications();
    expect(first).toMatchObject({ digestStatus: "closed", recordCount: 10 });
    expect((first.props as MappingErrorsProps).eventCount).toBe(2);
    expect(second).toMatchObject({ digestStatus: "open", windowClosesAt: at(31), recordCount: 5 });
    // the first digest's timer has nothing left to do; the second's sends at 31
    expect(await run(20)).toEqual({ ran: 0, messageIds: [] });
    expect((await run(31)).messageIds).toHaveLength(1);
    expect(await messagesOf(first.id)).toHaveLength(1);
    expect(await messagesOf(second.id)).toHaveLength(1);
  });

  it("pushes and pulls, or other integrations, are separate digests", async () => {
    await windowMinutes(15);
    await ingest(mapping(0, "a"), at(0));
    const pull = mapping(1, "b");
    pull.data.direction = "pull";
    await ingest(pull, at(1));
    await ingest(mapping(2, "c", "mapping-salesforce-pull-leads"), at(2));
    await ingest(mapping(3, "d"), at(3));
    const digests = await mappingNotifications();
    expect(digests.map((d) => [d.provider, d.digestKey, d.recordCount])).toEqual([
      ["hubspot", "push:contact", 10],
      ["hubspot", "pull:contact", 5],
      ["salesforce", "pull:lead", expect.any(Number)],
    ]);
  });

  it("the database refuses a second open digest for the same integration and key", async () => {
    await windowMinutes(15);
    await ingest(mapping(0, "a"), at(0));
    const second = await transaction(
      async (tx) =>
        await insertOpenDigest({
          tx,
          row: {
            id: "ntf_racer",
            companyId: "acme",
            provider: "hubspot",
            kind: "mapping_errors",
            props: {},
            digestKey: "push:contact",
            windowClosesAt: at(15),
            createdAt: at(0),
          },
        }),
    );
    expect(second).toBe(false);
    expect(await mappingNotifications()).toHaveLength(1);
  });

  it("a 0-minute window and a closed 15-minute digest of the same errors give the same email and records", async () => {
    // 30 records over 4 codes (a tie between upper- and lower-case codes), more than the email lists, some without optional details
    const body = mapping(0, "same");
    const codes = ["READ_ONLY_VALUE", "INVALID_EMAIL", "INVALID_LONG", "INVALID_EMAIL", "READ_ONLY_VALUE", "custom_error"];
    body.data.totalRecords = 40;
    body.data.errors = Array.from({ length: 30 }, (_, i) => ({
      ...body.data.errors[i % 5],
      recordId: `c_${2000 + i}`,
      code: codes[i % codes.length],
      ...(i % 4 === 0 ? { recordName: "", field: undefined, crmProperty: undefined } : {}),
    }));
    const emailOf = (n: typeof notifications.$inferSelect) => {
      const props = n.props as MappingErrorsProps;
      return { ...props, recordsUrl: props.recordsUrl.replace(n.id, "{id}") };
    };
    const recordsOf = async (notificationId: string) => {
      const rows = await db
        .select()
        .from(notificationRecords)
        .where(eq(notificationRecords.notificationId, notificationId))
        .orderBy(asc(notificationRecords.id));
      return rows.map(({ id: _id, notificationId: _n, ...r }) => r);
    };

    await windowMinutes(0);
    expect(await ingest(body, at(0))).toHaveLength(1);
    await windowMinutes(15);
    expect(await ingest(body, at(0))).toEqual([]);
    expect((await run(15)).messageIds).toHaveLength(1);

    const [immediate, digest] = await mappingNotifications();
    // the 0-minute digest was never open: no window, no timer
    expect(immediate).toMatchObject({ digestStatus: null, windowClosesAt: null, digestKey: null });
    expect(await db.select().from(scheduledJobs).where(eq(scheduledJobs.notificationId, immediate.id))).toEqual([]);
    expect(digest.digestStatus).toBe("closed");
    expect(emailOf(digest)).toEqual(emailOf(immediate));
    expect(emailOf(immediate)).toMatchObject({ eventCount: 1, totalRecords: 40, detailedRecords: 30 });
    expect(emailOf(immediate).records).toHaveLength(25);
    expect(await recordsOf(digest.id)).toEqual(await recordsOf(immediate.id));
    expect(await recordsOf(immediate.id)).toHaveLength(30);
    expect([immediate.recordCount, digest.recordCount]).toEqual([30, 30]);
  });

  it("a window changed to 0 while a digest is open: new events go out at once, the open digest at its time", async () => {
    await windowMinutes(15);
    await ingest(mapping(0, "a"), at(0));
    await windowMinutes(0);
    expect(await ingest(mapping(1, "b"), at(1))).toHaveLength(1);
    expect((await run(15)).messageIds).toHaveLength(1);
    expect(await mappingNotifications()).toHaveLength(2);
  });
});
