import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

await vi.hoisted(async () => {
  (await import("@/lib/testing/test-database-url")).useTestDatabaseUrl("preview");
  process.env.APP_URL = "https://switchboard.example";
  process.env.RESEND_API_KEY = ""; // the local mailbox
});

import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { messageBodies, messages, notificationRecords, notifications } from "@/db/schema";
import { listIntegrationTimeline } from "@/db/queries/integration-timeline";
import { findGalleryVariant } from "./gallery";
import { renderEmail } from "./render";
import { queueEmailPreview } from "./send-preview";
import { prepareTestDatabase, removeTestDatabase } from "../testing/test-database";
import { createOutboxWorker } from "./worker";

const globex = { id: "globex", name: "Globex", timeZone: "Europe/Berlin" };
const now = new Date("2026-12-01T12:00:00Z");
const viewer = { name: "Gina Globex", email: "admin@globex.test" };

async function only<T>(rows: Promise<T[]>): Promise<T> {
  const [row] = await rows;
  return row!;
}
const notificationOf = (id: string) => only(db.select().from(notifications).where(eq(notifications.id, id)).limit(1));

beforeAll(async () => {
  await prepareTestDatabase(db);
});
afterAll(() => removeTestDatabase(db));

describe("queueEmailPreview", async () => {
  it("plans one message to the viewer alone — no BCC, whatever Report settings say", async () => {
    const variant = findGalleryVariant("reauth-scopes-no-admins")!;
    const queued = await queueEmailPreview({ variant, company: globex, requestedBy: viewer, now });
    const rows = await db.select().from(messages).where(eq(messages.notificationId, queued.notificationId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: queued.messageId,
      to: ["admin@globex.test"],
      bcc: null,
      noRecipients: false,
      kind: "reauth_required",
      provider: "hubspot",
      companyId: "globex",
      status: "queued",
      preview: true,
    });
    const notification = await notificationOf(queued.notificationId);
    expect(notification.noRecipients).toBe(false);
    expect(notification.preview).toBe(true);
    // the variant's own props, on the viewer's company and this deployment's links
    expect(notification.props).toMatchObject({
      company: globex,
      appUrl: "https://switchboard.example",
      reportSettingsUrl: "https://switchboard.example/account/report-settings",
      reconnectUrl: "https://switchboard.example/integrations?reconnect=hubspot",
      reason: variant.props.reason,
      admins: [],
      galleryPreview: { requestedBy: viewer, sentAt: now.toISOString() },
    });
  });

  it("moves the sample times to now: the deadline lies ahead as in a real alert", async () => {
    const variant = findGalleryVariant("reauth-required")!;
    const queued = await queueEmailPreview({ variant, company: globex, requestedBy: viewer, now });
    const props = (await notificationOf(queued.notificationId)).props as {
      occurredAt: string;
      deadline: string;
    };
    expect(props.occurredAt).toBe(now.toISOString());
    expect(props.deadline).toBe(new Date(now.getTime() + 72 * 3_600_000).toISOString());
  });

  it("never appears in the integration's timeline", async () => {
    await queueEmailPreview({ variant: findGalleryVariant("integration-disabled")!, company: globex, requestedBy: viewer, now });
    expect(await listIntegrationTimeline({ companyId: "globex", provider: "hubspot", limit: 50 })).toEqual([]);
  });

  it("stores the listed records and links the email to the notification it became", async () => {
    const variant = findGalleryVariant("mapping-hubspot-2000-records")!;
    const queued = await queueEmailPreview({ variant, company: globex, requestedBy: viewer, now });
    const records = await db.select().from(notificationRecords).where(eq(notificationRecords.notificationId, queued.notificationId));
    expect(records).toHaveLength(25);
    const notification = await notificationOf(queued.notificationId);
    // the sample claims 2,000 detailed records; the preview claims only the 25 its records page holds
    expect(variant.props).toMatchObject({ totalRecords: 2000, detailedRecords: 2000 });
    expect(notification.props).toMatchObject({ totalRecords: 2000, detailedRecords: 25 });
    expect((notification.props as { recordsUrl: string }).recordsUrl).toBe(
      `https://switchboard.example/notifications/${queued.notificationId}/records`,
    );
  });

  it("is rendered and delivered by the worker exactly as the gallery renders it", async () => {
    const variant = findGalleryVariant("sync-zoho-view-pull")!;
    const queued = await queueEmailPreview({
      variant,
      company: globex,
      requestedBy: { name: "Sam Supervisor", email: "supervisor@globex.test" },
      now,
    });
    const worker = createOutboxWorker({ now: () => now, log: () => undefined });
    await worker.runOnce();
    const message = await only(db.select().from(messages).where(eq(messages.id, queued.messageId)).limit(1));
    expect(message).toMatchObject({ status: "sent", transport: "mailbox" });
    const body = await only(db.select().from(messageBodies).where(eq(messageBodies.messageId, queued.messageId)).limit(1));
    const notification = await notificationOf(queued.notificationId);
    const expected = await renderEmail({ kind: "sync_report", props: notification.props as never });
    expect(body.subject).toBe(expected.subject);
    expect(body.subject).toMatch(/^\[Preview\] Zoho CRM view/);
    for (const version of [body.html, body.text]) {
      expect(version).toContain(
        "Sam Supervisor (supervisor@globex.test) sent this preview from the Switchboard email gallery. Everything below is sample data: nothing happened to your Zoho CRM integration.",
      );
    }
    expect(body.text.indexOf("sent this preview")).toBeLessThan(body.text.indexOf("Zoho CRM view"));
    expect(body.html).toBe(expected.html);
    expect(body.text).toContain("Sent by Switchboard for Globex.");
  });
});
