import { expect, test, type Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { messages, providerWebhooks } from "@/db/schema";
import { randomUUID } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { ResendStandIn } from "../../lib/testing/resend-stand-in";
import { postResendWebhook } from "../fixtures/resend-webhook";
import { E2E_BASE_URL } from "../fixtures/server-config";
import { createAppServer, EVENTS_SECRET, type AppServer } from "./app-server";
import { resetApp } from "./clock";
import { fixtureNow, postEvent } from "../../lib/testing/events";

/*
 * Resend's delivery webhooks (docs/product R26) against the built app: Svix-signed
 * like Resend signs them, verified on the raw body, applied once per svix-id,
 * and a bounce shown where an admin looks — the message, the delivery log and
 * Report settings.
 */

const WEBHOOK_SECRET = "whsec_" + Buffer.from("pipeline-resend-webhook-secret-0123").toString("base64");

let standIn: ResendStandIn;
let app: AppServer;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  standIn = await ResendStandIn.start();
  app = await createAppServer({ name: "webhooks", env: { RESEND_BASE_URL: standIn.url, RESEND_WEBHOOK_SECRET: WEBHOOK_SECRET } });
  await app.start();
});

test.afterAll(async () => {
  await app?.stop();
  await standIn?.stop();
});

test.beforeEach(async () => {
  await resetApp(app.url);
  standIn.reset();
});

async function webhook(
  body: unknown,
  { id = `msg_${randomUUID()}`, secret = WEBHOOK_SECRET, raw }: { id?: string; secret?: string; raw?: string } = {},
) {
  const payload = raw ?? JSON.stringify(body);
  const res = await postResendWebhook(app.url, payload, { id, secret });
  return { status: res.status, json: (await res.json().catch(() => null)) as Record<string, unknown> | null };
}

const resendEvent = (type: string, emailId: string, data: Record<string, unknown> = {}) => ({
  type,
  created_at: new Date().toISOString(),
  data: {
    email_id: emailId,
    created_at: new Date().toISOString(),
    from: "notifications@switchboard.local",
    to: ["admin@acme.test"],
    subject: "x",
    ...data,
  },
});

/** A sync report sent through the stand-in: the provider's id and our message id. */
async function sentMessage(): Promise<{ emailId: string; messageId: string; notificationId: string }> {
  const res = await postEvent(app.url, { secret: EVENTS_SECRET, body: fixtureNow("sync-salesforce-users") });
  expect(res.status).toBe(202);
  const [email] = await standIn.waitForEmails(1);
  await expect.poll(() => app.db().$count(messages, eq(messages.providerMessageId, email.id))).toBe(1);
  const [row] = await app
    .db()
    .select({ id: messages.id, notificationId: messages.notificationId })
    .from(messages)
    .where(eq(messages.providerMessageId, email.id))
    .limit(1);
  return { emailId: email.id, messageId: row.id, notificationId: row.notificationId };
}
async function statusOf(messageId: string) {
  const [row] = await app.db().select({ status: messages.status }).from(messages).where(eq(messages.id, messageId)).limit(1);
  return row.status;
}

async function signIn(page: Page, base: string) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Email").fill("admin@acme.test");
  await page.getByLabel("Password").fill("switchboard-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

test("without RESEND_WEBHOOK_SECRET the endpoint says so with a 503", async () => {
  const res = await fetch(`${E2E_BASE_URL}/api/webhooks/resend`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
  });
  expect(res.status).toBe(503);
  expect(((await res.json()) as { error: string }).error).toMatch(/RESEND_WEBHOOK_SECRET/);
});

test("bad signature, missing headers and a stale timestamp are 401; malformed bodies 400", async () => {
  const body = resendEvent("email.delivered", "re_x");
  expect((await webhook(body, { secret: "whsec_" + Buffer.from("not-the-secret-at-all-0123456789").toString("base64") })).status).toBe(401);
  const unsigned = await fetch(`${app.url}/api/webhooks/resend`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(unsigned.status).toBe(401);
  const old = new Date(Date.now() - 10 * 60_000);
  const payload = JSON.stringify(body);
  const stale = await fetch(`${app.url}/api/webhooks/resend`, {
    method: "POST",
    headers: {
      "svix-id": "msg_stale",
      "svix-timestamp": String(Math.floor(old.getTime() / 1000)),
      "svix-signature": new Webhook(WEBHOOK_SECRET).sign("msg_stale", old, payload),
    },
    body: payload,
  });
  expect(stale.status).toBe(401);

  expect(await webhook(null, { raw: "{not json" })).toMatchObject({ status: 400 });
  const noEmail = await webhook({ type: "email.bounced", data: {} });
  expect(noEmail).toMatchObject({ status: 400, json: { issues: [{ path: "data.email_id" }] } });
  expect(await webhook(resendEvent("email.delivered", "re_unknown"))).toMatchObject({ status: 200, json: { outcome: "unknown_message" } });
  expect(await app.db().$count(providerWebhooks)).toBe(1);
});

test("delivered applies once: a replayed svix-id changes nothing, even with another body", async () => {
  const { emailId, messageId } = await sentMessage();
  expect(await statusOf(messageId)).toBe("sent");
  const first = await webhook(resendEvent("email.delivered", emailId), { id: "msg_delivery_1" });
  expect(first).toEqual({ status: 200, json: { id: "msg_delivery_1", outcome: "applied" } });
  expect(await statusOf(messageId)).toBe("delivered");
  const replay = await webhook(
    resendEvent("email.bounced", emailId, { bounce: { type: "Permanent", subType: "General", message: "nope" } }),
    { id: "msg_delivery_1" },
  );
  expect(replay).toEqual({ status: 200, json: { id: "msg_delivery_1", outcome: "duplicate" } });
  expect(await statusOf(messageId)).toBe("delivered");
  // concurrently, too
  const racing = await Promise.all(Array.from({ length: 8 }, () => webhook(resendEvent("email.complained", emailId), { id: "msg_race" })));
  expect(racing.filter((r) => r.json?.outcome === "applied")).toHaveLength(1);
  expect(racing.filter((r) => r.json?.outcome === "duplicate")).toHaveLength(7);
  expect(await statusOf(messageId)).toBe("complained");
  expect(await app.db().$count(providerWebhooks, eq(providerWebhooks.messageId, messageId))).toBe(2);
});

test("a bounce marks the message bounced and shows on the message, in the log and on Report settings", async ({ page }) => {
  const { emailId, messageId, notificationId } = await sentMessage();
  const bounce = { type: "Permanent", subType: "General", message: "550 5.1.1 The email account that you tried to reach does not exist." };
  expect(await webhook(resendEvent("email.bounced", emailId, { bounce }))).toMatchObject({ status: 200, json: { outcome: "applied" } });
  expect(await statusOf(messageId)).toBe("bounced");

  await signIn(page, app.url);
  await page.goto(`${app.url}/notifications/${notificationId}`);
  const alert = page.getByRole("alert").filter({ hasText: "Bounced for admin@acme.test" });
  await expect(alert).toContainText("Permanent (General): 550 5.1.1 The email account that you tried to reach does not exist.");
  await expect(page.getByText("Reported by the provider")).toBeVisible();

  await page.goto(`${app.url}/notifications?status=bounced`);
  await expect(page.getByRole("row").filter({ hasText: "Data sync report" })).toContainText("Bounced");

  await page.goto(`${app.url}/account/report-settings`);
  const ada = page.getByRole("list", { name: "Resolved recipients" }).getByRole("listitem").filter({ hasText: "admin@acme.test" });
  await expect(ada).toContainText(/Bounced \w{3} \d{1,2}, \d{4}/);
});
