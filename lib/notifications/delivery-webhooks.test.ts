import { describe, expect, it, vi } from "vitest";

await vi.hoisted(async () => {
  (await import("@/lib/testing/test-database-url")).useTestDatabaseUrl("webhooks");
});

import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { db } from "@/db/client";
import { transaction } from "@/db/queries/tx";
import { useDemoDatabase } from "@/lib/testing/test-database";
import { messages, providerWebhooks } from "@/db/schema";
import { listRecentBounces } from "@/db/queries/bounces";
import { planNotification } from "./planner";
import { applyDeliveryWebhook, decodeDeliveryWebhook, verifyDeliveryWebhook, type DeliveryWebhookEvent } from "./delivery-webhooks";
import { bouncedAddresses, describeBounce, nextDeliveryStatus, parseBounceInfo } from "./delivery-status";

const SECRET = "whsec_" + Buffer.from("resend-webhook-test-secret-0123456789").toString("base64");
const now = new Date("2026-11-27T12:00:00Z");

function signed(body: string, { id = "msg_2abc", secret = SECRET, at = new Date() } = {}) {
  const signature = new Webhook(secret).sign(id, at, body);
  return new Headers({ "svix-id": id, "svix-timestamp": String(Math.floor(at.getTime() / 1000)), "svix-signature": signature });
}
const bytes = (s: string) => new TextEncoder().encode(s);

async function sentMessage(providerId: string, to = ["admin@acme.test"]) {
  const { messageIds } = await transaction(
    async (tx) =>
      await planNotification(tx, {
        companyId: "acme",
        kind: "test",
        now,
        recipientsOverride: to,
        buildProps: () => ({ requestedBy: { name: "Ada", email: "admin@acme.test" }, sentAt: now.toISOString(), recipients: to }),
      }),
  );
  await db.update(messages).set({ status: "sent", providerMessageId: providerId, sentAt: now }).where(eq(messages.id, messageIds[0]));
  return messageIds[0];
}
async function message(id: string) {
  const [row] = await db.select().from(messages).where(eq(messages.id, id)).limit(1);
  return row!;
}
const event = (type: string, emailId: string, extra: Partial<DeliveryWebhookEvent["data"]> = {}): DeliveryWebhookEvent => ({
  type,
  created_at: "2026-11-27T12:05:00.000Z",
  data: { email_id: emailId, created_at: "2026-11-27T12:05:00.000Z", to: ["admin@acme.test"], ...extra },
});

useDemoDatabase(db);

describe("verifying Resend's signed webhooks", () => {
  const body = JSON.stringify(event("email.delivered", "re_1"));

  it("accepts svix-* headers over the raw body", () => {
    expect(verifyDeliveryWebhook({ secret: SECRET, headers: signed(body), body: bytes(body) })).toEqual({
      ok: true,
      id: "msg_2abc",
      text: body,
    });
  });

  it("refuses a wrong secret, a changed body, a stale timestamp and missing headers with 401", () => {
    const other = "whsec_" + Buffer.from("another-secret-entirely-0123456789").toString("base64");
    expect(verifyDeliveryWebhook({ secret: SECRET, headers: signed(body, { secret: other }), body: bytes(body) })).toMatchObject({
      ok: false,
      status: 401,
    });
    expect(verifyDeliveryWebhook({ secret: SECRET, headers: signed(body), body: bytes(body + " ") })).toMatchObject({
      ok: false,
      status: 401,
    });
    const stale = verifyDeliveryWebhook({
      secret: SECRET,
      headers: signed(body, { at: new Date(Date.now() - 10 * 60_000) }),
      body: bytes(body),
    });
    expect(stale).toEqual({ ok: false, status: 401, error: "svix-timestamp is outside the ±5 minute tolerance." });
    expect(verifyDeliveryWebhook({ secret: SECRET, headers: new Headers(), body: bytes(body) })).toMatchObject({ ok: false, status: 401 });
  });

  it("decodes Resend's shape and names what is wrong with a malformed one", () => {
    expect(decodeDeliveryWebhook(body)).toMatchObject({ ok: true, event: { type: "email.delivered" } });
    expect(decodeDeliveryWebhook("{not json")).toEqual({ ok: false, issues: [{ path: "", message: "The body is not valid JSON." }] });
    expect(decodeDeliveryWebhook(JSON.stringify({ type: "email.bounced", data: {} }))).toEqual({
      ok: false,
      issues: [{ path: "data.email_id", message: "Required" }],
    });
    expect(decodeDeliveryWebhook(JSON.stringify({ data: {} }))).toMatchObject({ ok: false, issues: [{ path: "type" }] });
    expect(decodeDeliveryWebhook(JSON.stringify({ type: "email.opened", data: {} }))).toMatchObject({ ok: true });
  });
});

describe("applying delivery events (docs/product R26)", () => {
  it("delivered once per webhook id; a replay changes nothing", async () => {
    const id = await sentMessage("re_del");
    expect(await applyDeliveryWebhook({ id: "wh_1", event: event("email.delivered", "re_del"), now })).toBe("applied");
    expect((await message(id)).status).toBe("delivered");
    expect(await applyDeliveryWebhook({ id: "wh_1", event: event("email.bounced", "re_del"), now })).toBe("duplicate");
    expect((await message(id)).status).toBe("delivered");
    const webhooks = await db.select().from(providerWebhooks);
    expect(webhooks).toHaveLength(1);
    expect(webhooks[0]).toMatchObject({
      messageId: id,
      type: "email.delivered",
      occurredAt: new Date("2026-11-27T12:05:00Z"),
    });
  });

  it("a bounce marks the message bounced with what the provider said and the address it names", async () => {
    const id = await sentMessage("re_b", ["admin@acme.test", "sam@acme.test"]);
    const bounce = { type: "Permanent", subType: "General", message: "550 5.1.1 <Sam@Acme.test>: user unknown" };
    expect(
      await applyDeliveryWebhook({
        id: "wh_b",
        event: event("email.bounced", "re_b", { to: ["admin@acme.test", "sam@acme.test"], bounce }),
        now,
      }),
    ).toBe("applied");
    const m = await message(id);
    expect(m.status).toBe("bounced");
    const info = parseBounceInfo(m.bounceInfo)!;
    expect(info).toEqual({ at: "2026-11-27T12:05:00.000Z", ...bounce, addresses: ["sam@acme.test"] });
    expect(describeBounce(info)).toBe("Permanent (General): 550 5.1.1 <Sam@Acme.test>: user unknown");
    // Report settings reads the named address's latest bounce
    expect(await listRecentBounces({ companyId: "acme", now })).toEqual([
      { email: "sam@acme.test", at: new Date("2026-11-27T12:05:00Z"), description: describeBounce(info) },
    ]);
    expect(await listRecentBounces({ companyId: "acme", now: new Date(now.getTime() + 31 * 24 * 3_600_000) })).toEqual([]);
    expect(await listRecentBounces({ companyId: "globex", now })).toEqual([]);
    // a late "delayed" or "delivered" does not undo the bounce
    expect(await applyDeliveryWebhook({ id: "wh_late", event: event("email.delivered", "re_b"), now })).toBe("unchanged");
    expect((await message(id)).status).toBe("bounced");
  });

  it("unknown messages and untracked types are recorded and ignored", async () => {
    expect(await applyDeliveryWebhook({ id: "wh_x", event: event("email.delivered", "re_nobody"), now })).toBe("unknown_message");
    expect(await applyDeliveryWebhook({ id: "wh_o", event: event("email.opened", "re_nobody"), now })).toBe("ignored_type");
    expect((await db.select().from(providerWebhooks)).map((w) => w.messageId)).toEqual([null, null]);
  });

  it("status moves only forward", () => {
    expect(nextDeliveryStatus("sent", "email.delivery_delayed")).toBe("delivery_delayed");
    expect(nextDeliveryStatus("delivery_delayed", "email.delivered")).toBe("delivered");
    expect(nextDeliveryStatus("delivered", "email.delivery_delayed")).toBeNull();
    expect(nextDeliveryStatus("delivered", "email.complained")).toBe("complained");
    expect(nextDeliveryStatus("complained", "email.bounced")).toBe("bounced");
    expect(nextDeliveryStatus("bounced", "email.complained")).toBeNull();
    expect(nextDeliveryStatus("failed", "email.delivered")).toBe("delivered");
  });

  it("names a bounced address only when the event does", () => {
    const recipients = ["a@x.test", "b@x.test"];
    expect(bouncedAddresses({ to: ["a@x.test"], recipients })).toEqual(["a@x.test"]);
    expect(bouncedAddresses({ to: ["a@x.test", "b@x.test"], message: "mailbox full", recipients })).toEqual([]);
    expect(bouncedAddresses({ to: ["a@x.test", "b@x.test"], message: "B@x.test: no such user", recipients })).toEqual(["b@x.test"]);
    expect(bouncedAddresses({ to: ["stranger@y.test"], recipients })).toEqual([]);
    expect(parseBounceInfo("nonsense")).toBeNull();
  });
});
