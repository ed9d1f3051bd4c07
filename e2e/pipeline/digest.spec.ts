import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { asc, eq } from "drizzle-orm";
import { messages, notificationEvents, notifications, reportSettings } from "@/db/schema";
import type { ReceivedEmail } from "../../lib/testing/resend-stand-in";
import { EVENTS_SECRET } from "./app-server";
import { advanceClock, MINUTE } from "./clock";
import { fixtureNow, postEvent, type EventBody } from "../../lib/testing/events";
import { useAppWithStandIn } from "./harness";

/*
 * Mapping-error digests through the built app (docs/product R7, R23): real
 * concurrency against the HTTP endpoint, the window closed by moving the
 * server's test clock, the one email read at the Resend stand-in.
 */

const { app, standIn } = useAppWithStandIn("digest");

const mappingEmails = () => standIn.emails.filter((e) => /^HubSpot: .* failed to push/.test(e.subject));
const windowMinutes = async (m: number) => {
  await app.db().update(reportSettings).set({ mappingDigestMinutes: m }).where(eq(reportSettings.companyId, "acme"));
};
const digests = () =>
  app
    .db()
    .select({ id: notifications.id, digest_status: notifications.digestStatus, record_count: notifications.recordCount })
    .from(notifications)
    .where(eq(notifications.kind, "mapping_errors"))
    .orderBy(asc(notifications.createdAt));

/** The HubSpot push fixture at `at`, its five records renamed for event `tag`, reporting exactly those five. */
function mapping(at: Date, tag: string): EventBody {
  const body = fixtureNow("mapping-hubspot-push", at);
  body.data.totalRecords = 5;
  body.data.errors = body.data.errors.map((e: { recordId: string }) => ({ ...e, recordId: `${e.recordId}_${tag}` }));
  return body;
}

async function post(body: EventBody) {
  const res = await postEvent(app.url, { secret: EVENTS_SECRET, body });
  expect(res.status, JSON.stringify(res.json)).toBe(202);
}

async function barrier() {
  await post(fixtureNow("sync-salesforce-users"));
  await expect.poll(() => standIn.emails.some((e) => /^Salesforce user sync finished/.test(e.subject)), { timeout: 20_000 }).toBe(true);
}

async function signIn(page: import("@playwright/test").Page) {
  await page.goto(`${app.url}/sign-in`);
  await page.getByLabel("Email").fill("admin@acme.test");
  await page.getByLabel("Password").fill("switchboard-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

test("5 mapping events in 10 minutes with a 15-minute window: one email listing all, grouped by code", async () => {
  await windowMinutes(15);
  let now = await advanceClock(app.url, 0);
  for (let i = 0; i < 5; i++) {
    await post(mapping(now, `e${i}`));
    if (i < 4) now = await advanceClock(app.url, 2.5 * MINUTE);
  }
  expect(await digests()).toEqual([{ id: expect.any(String), digest_status: "open", record_count: 25 }]);
  await barrier();
  expect(mappingEmails()).toHaveLength(0); // the window is still open at 10 minutes

  await advanceClock(app.url, 5 * MINUTE); // 15 minutes after the first event
  await expect.poll(() => mappingEmails().length, { timeout: 20_000 }).toBe(1);
  const [email] = mappingEmails();
  const [digest] = await digests();
  expect(digest.digest_status).toBe("closed");
  expect(email.subject).toBe("HubSpot: 25 contacts failed to push (5 error types)");
  expect(email.text).toMatch(/5 error reports merged/);
  for (const code of ["INVALID_OPTION", "INVALID_LONG", "PROPERTY_DOESNT_EXIST", "READ_ONLY_VALUE", "INVALID_EMAIL"])
    expect(email.text).toContain(code);
  for (let i = 0; i < 5; i++) expect(email.text).toContain(`c_1001_e${i}`);
  expect(email.text).toContain(`${app.url}/notifications/${digest.id}/records`);
});

test("window 0: five events, five emails", async () => {
  await windowMinutes(0);
  const now = await advanceClock(app.url, 0);
  for (let i = 0; i < 5; i++) await post(mapping(now, `z${i}`));
  await expect.poll(() => mappingEmails().length, { timeout: 20_000 }).toBe(5);
  expect((await digests()).every((d) => d.digest_status === null)).toBe(true);
});

test("20 concurrent posts open ONE digest; at the window's end one email with every record", async ({ page }) => {
  await windowMinutes(15);
  const now = await advanceClock(app.url, 0);
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) => postEvent(app.url, { secret: EVENTS_SECRET, body: mapping(now, `p${i}`) })),
  );
  expect(results.map((r) => r.status)).toEqual(Array(20).fill(202));
  expect(await digests()).toEqual([{ id: expect.any(String), digest_status: "open", record_count: 100 }]);
  const [digest] = await digests();
  expect(await app.db().$count(notificationEvents, eq(notificationEvents.notificationId, digest.id))).toBe(20);
  expect(await app.db().$count(messages, eq(messages.notificationId, digest.id))).toBe(0);

  await advanceClock(app.url, 15 * MINUTE);
  await expect.poll(() => mappingEmails().length, { timeout: 20_000 }).toBe(1);
  await barrier();
  expect(mappingEmails()).toHaveLength(1);
  const email: ReceivedEmail = mappingEmails()[0];
  expect(email.subject).toBe("HubSpot: 100 contacts failed to push (5 error types)");
  expect(email.text).toMatch(/20 error reports merged/);
  expect(email.text).toMatch(/75 more/);
  const recordsUrl = `${app.url}/notifications/${digest.id}/records`;
  expect(email.text).toContain(recordsUrl);

  // the "and N more" link: every record of the digest, grouped by code, and accessible
  await signIn(page);
  await page.goto(recordsUrl);
  await expect(page.getByRole("heading", { name: "Affected records" })).toBeVisible();
  await expect(page.getByText("Page 1 of 1 · 100 records").or(page.getByText("100 records"))).toBeVisible();
  await page.getByLabel("Error code").selectOption({ label: "INVALID_EMAIL (20)" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("20 records with INVALID_EMAIL")).toBeVisible();
  const results2 = await new AxeBuilder({ page }).analyze();
  const serious = results2.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  // the digest's detail page tells how it came together
  await page.goto(`${app.url}/notifications/${digest.id}`);
  await expect(page.getByRole("definition").filter({ hasText: "20 error reports merged" })).toBeVisible();
  await page.screenshot({ path: "test-results/digest-detail.png", fullPage: true });
  await expect(page.getByRole("link", { name: "100 records" })).toBeVisible();
});
