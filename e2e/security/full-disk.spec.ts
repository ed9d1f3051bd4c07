import { expect, test, type Browser, type Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { events, providerWebhooks } from "@/db/schema";
import { randomUUID } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { postResendWebhook } from "../fixtures/resend-webhook";
import { createAppServer, EVENTS_SECRET, type AppServer } from "../pipeline/app-server";
import { rowCounts } from "../faults/fault-config";
import { fixtureNow, postEvent } from "../../lib/testing/events";
import { mountSmallFilesystem, type SmallFilesystem } from "./small-filesystem";

/*
 * The database on a filesystem that fills up under the running server
 * (docs/security/storage-errors.md). While it is full: events and Resend
 * webhooks get 503 + Retry-After with a JSON error and store nothing,
 * /api/health answers 503 naming the database, a failing server action shows
 * the in-style error page, and sign-in says so in the form. Once space is
 * freed everything works again and the refused events are accepted when sent
 * again. The filesystem is a real tmpfs mounted for this spec.
 */

const DEMO_PASSWORD = "switchboard-demo";
const WEBHOOK_SECRET = "whsec_" + Buffer.from("full-disk-resend-webhook-secret-0123").toString("base64");
const STORAGE_MESSAGE = "Switchboard can't reach its database right now. Nothing was changed. Try again in a minute.";

let fs: SmallFilesystem | null = null;
let skipReason = "";
let app: AppServer;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  const mounted = mountSmallFilesystem(48);
  if ("skip" in mounted) {
    skipReason = mounted.skip;
    console.log(`[full-disk] skipped: ${skipReason}`);
    return;
  }
  fs = mounted;
  app = await createAppServer({
    name: "full-disk",
    dir: fs.dir,
    env: { RESEND_API_KEY: "", RESEND_WEBHOOK_SECRET: WEBHOOK_SECRET, HEALTH_PROBE_INTERVAL_MS: "250" },
  });
  await app.start();
});

test.afterAll(async () => {
  if (!fs) return;
  await app?.stop();
  fs.unmount();
});

const counts = async () => {
  const db = app.db();
  return { ...(await rowCounts(db)), webhooks: await db.$count(providerWebhooks) };
};

async function health() {
  const res = await fetch(`${app.url}/api/health`);
  return { status: res.status, text: await res.text() };
}

async function resendWebhook(id: string) {
  const payload = JSON.stringify({
    type: "email.delivered",
    created_at: new Date().toISOString(),
    data: { email_id: `re_${id}`, created_at: new Date().toISOString(), to: ["admin@acme.test"], subject: "x" },
  });
  return postResendWebhook(app.url, payload, { id, secret: WEBHOOK_SECRET });
}

async function signIn(page: Page, email: string) {
  await page.goto(`${app.url}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function newPage(browser: Browser) {
  const context = await browser.newContext();
  return context.newPage();
}

/** Events the worker of an integration would send; their ids are kept so they can be sent again. */
const EVENTS = ["sync-hubspot-pull-clean", "mapping-hubspot-push", "sync-salesforce-push", "reauth-hubspot-token-revoked"].map(
  (fixture) => ({
    id: `evt_full_${randomUUID()}`,
    body: fixtureNow(fixture),
  }),
);

test("a full disk: 503 + Retry-After for senders, an honest health check and error page, and nothing lost once space is freed", async ({
  browser,
}) => {
  test.skip(!fs, skipReason);
  test.setTimeout(120_000);

  // before: a healthy server, one event accepted, an admin signed in
  expect(await health()).toMatchObject({ status: 200 });
  const first = await postEvent(app.url, { secret: EVENTS_SECRET, body: fixtureNow("sync-hubspot-pull-clean") });
  expect(first.status).toBe(202);
  const admin = await newPage(browser);
  await signIn(admin, "admin@acme.test");
  await expect(admin.getByRole("button", { name: "Sign out" })).toBeVisible();

  // fill the filesystem. The WAL is emptied first: SQLite reuses a WAL's old space from its start, and
  // writes that fit in that space would still succeed on a full disk (which is true, but not this test's point).
  const checkpoint = app.db().$client.pragma("wal_checkpoint(TRUNCATE)") as { busy: number }[];
  expect(checkpoint[0].busy).toBe(0);
  const before = await counts();
  const filled = fs!.fill();
  console.log(`[full-disk] filler wrote ${filled} bytes; the filesystem is full`);

  // events: every one refused with 503, Retry-After and a JSON error; none stored
  const refused = await Promise.all(
    EVENTS.map(async (e) => {
      const res = await fetch(`${app.url}/api/integration-events`, {
        method: "POST",
        headers: { "content-type": "application/json", ...signed(e.id, JSON.stringify(e.body)) },
        body: JSON.stringify(e.body),
      });
      return {
        status: res.status,
        retryAfter: res.headers.get("retry-after"),
        type: res.headers.get("content-type"),
        json: await res.json().catch(() => null),
      };
    }),
  );
  for (const r of refused) {
    expect(r.status).toBe(503);
    expect(Number(r.retryAfter)).toBeGreaterThan(0);
    expect(r.type).toContain("application/json");
    expect(r.json).toEqual({ error: "Storage is unavailable; retry later. Nothing was stored." });
  }

  // a Resend delivery webhook: the same
  const hook = await resendWebhook(`msg_${randomUUID()}`);
  expect(hook.status).toBe(503);
  expect(Number(hook.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(await hook.json()).toEqual({ error: "Storage is unavailable; retry later. Nothing was stored." });

  // health: 503 naming the database, and no path or file name
  await expect.poll(async () => (await health()).status, { timeout: 10_000 }).toBe(503);
  const sick = await health();
  expect(JSON.parse(sick.text)).toEqual({ ok: false, checks: { database: "failing: the disk is full (SQLITE_FULL)" } });
  expect(sick.text).not.toContain(fs!.dir);
  expect(sick.text).not.toContain(".db");

  // pages still read; a server action that writes shows the in-style error inside the app shell
  await admin.goto(`${app.url}/integrations`);
  const hubspot = admin.getByRole("region", { name: "HubSpot", exact: true });
  await hubspot.getByRole("button", { name: "Disable HubSpot" }).click();
  await admin.getByRole("dialog", { name: "Disable HubSpot?" }).getByRole("button", { name: "Disable HubSpot" }).click();
  await expect(admin.getByRole("heading", { name: "The database is unavailable" })).toBeVisible();
  await expect(admin.getByText(STORAGE_MESSAGE)).toBeVisible();
  await expect(admin.getByRole("button", { name: "Try again" })).toBeVisible();
  await expect(admin.getByRole("button", { name: "Sign out" })).toBeVisible();
  await admin.screenshot({ path: "test-results/security/full-disk-action-error.png" });

  // sign-in cannot store a session: the form says why, the email stays filled in
  const visitor = await newPage(browser);
  await signIn(visitor, "billing@acme.test");
  await expect(visitor.getByRole("alert").filter({ hasText: STORAGE_MESSAGE })).toBeVisible();
  await expect(visitor.getByLabel("Email")).toHaveValue("billing@acme.test");
  await visitor.screenshot({ path: "test-results/security/full-disk-sign-in.png" });

  expect(await counts()).toEqual(before);

  // space freed: healthy again, the refused events and webhook are accepted when sent again, nothing was lost
  fs!.free();
  await expect.poll(async () => (await health()).status, { timeout: 10_000 }).toBe(200);
  expect(JSON.parse((await health()).text)).toEqual({ ok: true, checks: { database: "ok" } });
  for (const e of EVENTS) {
    const again = await postEvent(app.url, { secret: EVENTS_SECRET, id: e.id, body: e.body });
    expect(again.status, JSON.stringify(again.json)).toBe(202);
  }
  expect((await resendWebhook(`msg_${randomUUID()}`)).status).toBe(200);
  const after = await counts();
  expect(after.events).toBe(before.events + EVENTS.length);
  expect(after.webhooks).toBe(before.webhooks + 1);
  expect(await app.db().$count(events, eq(events.id, first.id))).toBe(1);

  // Try again brings the page back, and the action now works
  await admin.getByRole("button", { name: "Try again" }).click();
  await expect(admin.getByRole("heading", { name: "The database is unavailable" })).toHaveCount(0);
  await admin.goto(`${app.url}/integrations`);
  await hubspot.getByRole("button", { name: "Disable HubSpot" }).click();
  await admin.getByRole("dialog", { name: "Disable HubSpot?" }).getByRole("button", { name: "Disable HubSpot" }).click();
  // the re-sent token_revoked event broke its authorization: disabling it does not pretend otherwise
  await expect(hubspot.getByRole("status")).toHaveText(
    "HubSpot is disabled. Its authorization is still broken: it needs reconnecting before it can sync again.",
  );

  await signIn(visitor, "billing@acme.test");
  await expect(visitor.getByRole("button", { name: "Sign out" })).toBeVisible();
});

function signed(id: string, body: string): Record<string, string> {
  const at = new Date();
  return {
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(EVENTS_SECRET).sign(id, at, body),
  };
}
