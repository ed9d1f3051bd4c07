import { expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { and, desc, eq, like, type SQL } from "drizzle-orm";
import { auditLog, messages, reportSettings } from "@/db/schema";
import { EVENTS_SECRET } from "./pipeline/app-server";
import { fixtureNow, postEvent, type EventBody } from "../lib/testing/events";
import { useAppWithStandIn } from "./pipeline/harness";

/*
 * The delivery log (docs/product R27) on its own built server and Resend stand-in,
 * so messages can be made to fail: filters that combine and live in the URL,
 * keyset pages that stay put while new messages arrive, Retry and "Retry all
 * failed" with progress (R2: admins only, refused on the server), and no
 * serious accessibility violations on the log, a message and a records list.
 */

const { app, standIn } = useAppWithStandIn("delivery-log");

async function post(body: EventBody) {
  const res = await postEvent(app.url, { secret: EVENTS_SECRET, body });
  expect(res.status, JSON.stringify(res.json)).toBe(202);
}
const count = (where: SQL | undefined) => app.db().$count(messages, where);
const settled = () => expect.poll(() => count(eq(messages.status, "queued")), { timeout: 30_000 }).toBe(0);

async function signIn(page: Page, email = "admin@acme.test") {
  await page.goto(`${app.url}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("switchboard-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** The message ids of the rows on the page, in order (each row links to #message-{id}). */
async function rowIds(page: Page): Promise<string[]> {
  const hrefs = await page
    .getByRole("table")
    .getByRole("link")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.map((h) => h.split("#message-")[1]).filter(Boolean);
}

/**
 * The app's own markup. The email inside the sandboxed iframe runs no scripts,
 * so axe cannot be injected there (it would wait for the frame until it times
 * out); the email's accessibility is the templates' concern, and the frame
 * itself must still carry a title.
 */
async function axe(page: Page, label: string) {
  for (const frame of await page.locator("iframe").all()) await expect(frame).toHaveAttribute("title", /\S/);
  const results = await new AxeBuilder({ page }).exclude("iframe").analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("filters combine, live in the URL, and explain what they cannot use", async ({ page }) => {
  await post(fixtureNow("sync-hubspot-pull-clean"));
  await post(fixtureNow("sync-salesforce-push"));
  await post(fixtureNow("sync-salesforce-users"));
  await post(fixtureNow("reauth-hubspot-token-revoked"));
  // from now on the supervisor receives reports too
  await app
    .db()
    .update(reportSettings)
    .set({ roles: ["company_admin", "company_supervisor"] })
    .where(eq(reportSettings.companyId, "acme"));
  await post(fixtureNow("sync-salesforce-users"));
  await post(fixtureNow("sync-hubspot-pull-clean"));
  await settled();

  await signIn(page);
  await page.goto(`${app.url}/notifications`);
  await expect(page.getByRole("heading", { name: "Delivery log", level: 1 })).toBeVisible();
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(1 + 6);

  await page.getByLabel("Type").selectOption({ label: "Data sync report" });
  await page.getByLabel("CRM").selectOption({ label: "Salesforce" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/kind=sync_report/);
  await expect(page).toHaveURL(/provider=salesforce/);
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(1 + 3);

  await page.getByLabel("Recipient").fill("Supervisor@Acme.test");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/recipient=Supervisor%40Acme.test/);
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(1 + 1);
  await expect(page.getByRole("table").getByRole("row").nth(1)).toContainText("supervisor@acme.test");
  await expect(page.getByLabel("Type")).toHaveValue("sync_report"); // the form keeps what is applied

  await page.getByLabel("Status").selectOption({ label: "Failed" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("No messages match these filters.")).toBeVisible();

  // a bookmark with a date range: today in the company's zone has them all; an end before the start is explained
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(new Date());
  await page.goto(`${app.url}/notifications?provider=hubspot&from=${today}&to=${today}`);
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(1 + 3);
  await page.goto(`${app.url}/notifications?from=2026-05-02&to=2026-05-01&recipient=nobody`);
  await expect(page.getByText("The end date is before the start date.")).toBeVisible();
  await expect(page.getByText("Enter a full email address, like name@example.com.")).toBeVisible();
  await expect(page.getByLabel("Recipient")).toHaveAttribute("aria-invalid", "true");

  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(`${app.url}/notifications`);
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(1 + 6);
});

test("pages by cursor and stays stable while new messages arrive", async ({ page }) => {
  for (let i = 0; i < 6; i++) {
    await Promise.all(Array.from({ length: 10 }, () => post(fixtureNow("sync-hubspot-pull-clean"))));
  }
  await settled();
  await signIn(page);
  await page.goto(`${app.url}/notifications?provider=hubspot`);
  const first = await rowIds(page);
  expect(first).toHaveLength(50);

  // five more arrive while the admin reads page one
  for (let i = 0; i < 5; i++) await post(fixtureNow("sync-hubspot-pull-clean"));
  await page.getByRole("link", { name: "Older →" }).click();
  await expect(page).toHaveURL(/provider=hubspot&before=/);
  const second = await rowIds(page);
  expect(second).toHaveLength(10);
  expect(second.filter((id) => first.includes(id))).toEqual([]);
  const all = (
    await app
      .db()
      .select({ id: messages.id })
      .from(messages)
      .where(eq(messages.provider, "hubspot"))
      .orderBy(desc(messages.plannedAt), desc(messages.id))
  ).map((r) => r.id);
  expect([...first, ...second]).toEqual(all.slice(5)); // exactly the 60 that existed, in order; the 5 new ones sit before page one
  await expect(page.getByText("No older messages")).toBeVisible();
  await page.getByRole("link", { name: "← Newest" }).click();
  await expect(page).toHaveURL(`${app.url}/notifications?provider=hubspot`);
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(1 + 50);
  expect((await rowIds(page)).slice(0, 5)).toEqual(all.slice(0, 5));
});

test("Retry a failed message: new key, sent; Retry all failed shows progress; supervisors are refused", async ({ page, browser }) => {
  // the provider refuses the next 31 sends for good (422: a final 4xx)
  standIn.script(
    ...Array.from({ length: 31 }, () => ({
      kind: "status" as const,
      status: 422,
      name: "validation_error",
      message: "Refused for the test",
    })),
  );
  for (let i = 0; i < 30; i++) await post(fixtureNow(i % 2 ? "sync-salesforce-push" : "sync-salesforce-users"));
  await post(fixtureNow("sync-hubspot-pull-clean"));
  await expect.poll(() => count(eq(messages.status, "failed")), { timeout: 30_000 }).toBe(31);

  await signIn(page);
  await page.goto(`${app.url}/notifications?provider=hubspot`);
  const row = page.getByRole("table").getByRole("row").nth(1);
  await expect(row).toContainText("Failed");
  await expect(row).toContainText("Refused for the test");
  await row.getByRole("button", { name: /^Retry data sync report to admin@acme.test/ }).click();
  // the log re-renders with the message queued again (then sent), marked as retried
  await expect(row).toContainText("retried 1×");
  await expect(row.getByRole("button", { name: /^Retry/ })).toHaveCount(0);
  await expect.poll(() => count(and(eq(messages.provider, "hubspot"), eq(messages.status, "sent")))).toBe(1);
  const [hubspot] = await app
    .db()
    .select({ id: messages.id, idempotency_key: messages.idempotencyKey, notification_id: messages.notificationId })
    .from(messages)
    .where(eq(messages.provider, "hubspot"))
    .limit(1);
  expect(hubspot.idempotency_key).toBe(`${hubspot.id}:retry1`);
  await page.goto(`${app.url}/notifications/${hubspot.notification_id}`);
  await expect(page.getByRole("table", { name: /attempts/i }).getByRole("row")).toHaveCount(3);
  await expect(page.getByText(`${hubspot.id}:retry1`).first()).toBeVisible();
  await axe(page, "message detail");

  // a supervisor sees no Retry, and a forged retry is refused on the server
  await page.goto(`${app.url}/notifications?provider=salesforce&status=failed`);
  await expect(page.getByText("30 failed messages match these filters.")).toBeVisible();
  const supervisor = await (await browser.newContext()).newPage();
  await signIn(supervisor, "supervisor@acme.test");
  await supervisor.goto(`${app.url}/notifications?status=failed`);
  await expect(supervisor.getByRole("table").getByRole("row")).toHaveCount(1 + 30);
  await expect(supervisor.getByRole("button", { name: /Retry/ })).toHaveCount(0);
  const [{ id: target }] = await app.db().select({ id: messages.id }).from(messages).where(eq(messages.status, "failed")).limit(1);
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]),
    page
      .getByRole("table")
      .getByRole("row")
      .nth(1)
      .getByRole("button", { name: /^Retry/ })
      .click(),
  ]);
  await expect.poll(() => count(eq(messages.status, "failed"))).toBe(29);
  const forged = await supervisor.request.post(request.url(), {
    headers: {
      "next-action": request.headers()["next-action"],
      "content-type": request.headers()["content-type"],
      accept: "text/x-component",
      origin: app.url,
    },
    data: (request.postDataBuffer() ?? Buffer.alloc(0)).toString("utf8").replace(/msg_[\w-]+/, target),
  });
  expect(await forged.text()).toContain("Only company admins and billing admins can retry messages.");
  expect(await count(eq(messages.status, "failed"))).toBe(29);
  await supervisor.context().close();

  // Retry all failed, in chunks, with progress between them
  await page.reload();
  await page.route(`${app.url}/notifications**`, async (route) => {
    if (route.request().headers()["next-action"]) await new Promise((r) => setTimeout(r, 600)); // slow each chunk so progress can be seen
    await route.continue();
  });
  await page.getByRole("button", { name: "Retry all failed (29)" }).click();
  await page.getByRole("dialog", { name: "Retry 29 messages?" }).getByRole("button", { name: "Retry 29 messages" }).click();
  const progress = page.getByRole("status").filter({ hasText: /Retr/ });
  await expect(progress).toHaveText("Retrying 25 of 29…");
  await expect(progress).toHaveText("Retried 29 messages: queued again with new idempotency keys.", { timeout: 20_000 });
  await page.unroute(`${app.url}/notifications**`);
  await expect.poll(() => count(eq(messages.status, "sent")), { timeout: 30_000 }).toBe(31);
  expect(await count(like(messages.idempotencyKey, "%:retry1"))).toBe(31);
  expect(await app.db().$count(auditLog, eq(auditLog.action, "message.retried"))).toBe(31);
  await expect(page.getByText("No messages match these filters.")).toBeVisible();
});
