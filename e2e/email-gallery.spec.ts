import { expect, test, type Page } from "@playwright/test";
import { GALLERY_VARIANTS } from "@/lib/notifications/gallery";
import { resetDatabase, signIn } from "./fixtures/session";
import { captureAction, replayAction } from "./fixtures/server-action";

/*
 * The email gallery (docs/product R29, R2): every template and variant for the roles
 * that may see it, rendered for the viewer's company; agents refused on the
 * page, the bare HTML route and the send action; "Send me this preview"
 * arrives in the Mailbox for the viewer alone; no serious axe violations.
 */

const GALLERY = "/notifications/emails";

test.beforeEach(async ({ request }) => resetDatabase(request));

const sendButton = (page: Page) => page.getByRole("button", { name: "Send me this preview" });
const htmlFrame = (page: Page) => page.frameLocator('iframe[title^="HTML version"]');
/** A header's value on a Mailbox message page. */
const headerValue = (page: Page, label: string) =>
  page
    .locator("dt")
    .filter({ hasText: new RegExp(`^${label}$`) })
    .locator("xpath=following-sibling::dd[1]");

async function expectVariantPage(page: Page, variant: (typeof GALLERY_VARIANTS)[number], company: string) {
  await page.goto(`${GALLERY}/${variant.id}`);
  await expect(page.getByRole("heading", { level: 1, name: variant.title })).toBeVisible();
  await expect(page.getByTestId("email-subject")).not.toBeEmpty();
  await expect(page.getByLabel(/^Plain-text version/)).toContainText(`Sent by Switchboard for ${company}.`);
  await expect(htmlFrame(page).getByText(`Sent by Switchboard for ${company}.`)).toBeVisible();
}

// the admin opens every variant; a supervisor's pages are the same ones (rendered once each for the admin),
// so the supervisor opens the index and the first and last variant
for (const [email, company, opens] of [
  ["admin@acme.test", "Acme Dialers", GALLERY_VARIANTS],
  ["supervisor@acme.test", "Acme Dialers", [GALLERY_VARIANTS[0], GALLERY_VARIANTS[GALLERY_VARIANTS.length - 1]]],
] as const) {
  test(`${email} sees every template and variant${opens.length === GALLERY_VARIANTS.length ? ", each rendered" : ""}`, async ({ page }) => {
    await signIn(page, email);
    await page.goto("/notifications");
    await page.getByRole("link", { name: "Email gallery" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Email gallery" })).toBeVisible();
    for (const variant of GALLERY_VARIANTS) {
      await expect(page.getByRole("link", { name: variant.title, exact: true })).toBeVisible();
    }
    await expect(page.getByTestId("gallery-subject")).toHaveCount(GALLERY_VARIANTS.length);
    for (const variant of opens) await expectVariantPage(page, variant, company);
  });
}

test("the gallery uses the viewer's company, time zone and this deployment's links", async ({ page, baseURL }) => {
  await signIn(page, "admin@globex.test");
  await page.goto(`${GALLERY}/reauth-required`);
  await expect(page.getByTestId("email-subject")).toHaveText("Action required: HubSpot needs to be reconnected by Nov 30, 11:00 AM GMT+1");
  const frame = htmlFrame(page);
  await expect(frame.getByText("Sent by Switchboard for Globex.")).toBeVisible();
  await expect(frame.getByRole("link", { name: "Reconnect HubSpot" })).toHaveAttribute("href", `${baseURL}/integrations?reconnect=hubspot`);
  await expect(page.getByLabel(/^Plain-text version/)).toContainText("Nov 30, 2026, 11:00 AM GMT+1 (10:00 UTC)");
});

test("the width toggle shows the email at 600 and 375 px", async ({ page }) => {
  await signIn(page, "admin@acme.test");
  await page.goto(`${GALLERY}/mapping-hubspot-2000-records`);
  const desktop = page.getByRole("button", { name: /^Desktop/ });
  const mobile = page.getByRole("button", { name: /^Mobile/ });
  const frame = page.locator('iframe[title^="HTML version"]');
  await expect(desktop).toHaveAttribute("aria-pressed", "true");
  await expect(mobile).toHaveAttribute("aria-pressed", "false");
  expect((await frame.boundingBox())!.width).toBe(600);
  await mobile.click();
  await expect(mobile).toHaveAttribute("aria-pressed", "true");
  await expect(desktop).toHaveAttribute("aria-pressed", "false");
  await expect.poll(async () => (await frame.boundingBox())!.width).toBe(375);
  await expect(frame).toHaveAttribute("sandbox", "");
});

test("Send me this preview delivers the variant to the viewer alone, in the Mailbox", async ({ page }) => {
  await signIn(page, "admin@acme.test");
  await page.goto(`${GALLERY}/sync-zoho-view-pull`);
  const subject = (await page.getByTestId("email-subject").textContent())!;
  expect(subject).toContain("Zoho CRM view");
  await sendButton(page).click();
  const status = page.getByRole("status").filter({ hasText: "Preview sent to you" });
  await expect(status).toContainText("Preview sent to you (admin@acme.test) — open the Mailbox");

  await page.goto("/notifications/mailbox");
  const row = page.getByRole("row").filter({ hasText: "admin@acme.test" }).filter({ hasText: subject });
  await expect(async () => {
    await page.reload();
    await expect(row.getByRole("link", { name: subject })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(row).toHaveCount(1);
  await row.getByRole("link", { name: subject }).click();

  await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  await expect(headerValue(page, "To")).toHaveText("admin@acme.test");
  await expect(headerValue(page, "BCC")).toHaveText("none");
  await expect(headerValue(page, "Status")).toContainText("via local mailbox");
  await expect(
    page.frameLocator('iframe[title="HTML version of the email"]').getByText("Sent by Switchboard for Acme Dialers."),
  ).toBeVisible();
  // Its "affected records" links open the notification the preview became.
  await expect(page.getByLabel("Text version of the email")).toContainText(/\/notifications\/ntf_[\w-]+/);
});

test("a sent preview says it is one, reaches the viewer alone, and stays out of the integration's history", async ({ page }) => {
  await signIn(page, "admin@acme.test");
  await page.goto(`${GALLERY}/reauth-required`);
  await sendButton(page).click();
  await page.getByRole("link", { name: "open the Mailbox" }).click();
  await expect(page).toHaveURL(/\/notifications\/mailbox\/msg_/);
  const heading = page.getByRole("heading", { level: 1 });
  await expect(async () => {
    await page.reload();
    await expect(heading).toHaveText(/^\[Preview\] Action required: HubSpot needs to be reconnected by /, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(headerValue(page, "To")).toHaveText("admin@acme.test");
  await expect(headerValue(page, "BCC")).toHaveText("none");
  const banner =
    "Ada Admin (admin@acme.test) sent this preview from the Switchboard email gallery. Everything below is sample data: nothing happened to your HubSpot integration.";
  await expect(page.frameLocator('iframe[title="HTML version of the email"]').getByText(banner)).toBeVisible();
  const text = (await page.getByLabel("Text version of the email").textContent())!;
  expect(text.trimStart().startsWith(`Preview — not a real alert\n${banner}`), text.slice(0, 300)).toBe(true);

  // The delivery log marks it and can leave previews out, as a filter in the URL.
  await page.goto("/notifications");
  const row = page.getByRole("row").filter({ hasText: "[Preview] Action required: HubSpot" });
  await expect(row.getByText("Preview", { exact: true })).toBeVisible();
  await page.getByLabel("Previews").selectOption({ label: "Hidden" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]previews=hide\b/);
  await expect(page.getByText("No messages match these filters.")).toBeVisible();

  // Nothing happened to HubSpot: no timeline entry, still connected.
  await page.goto("/integrations");
  const hubspot = page.getByRole("region", { name: "HubSpot" });
  await expect(hubspot.getByText("Connected", { exact: true })).toBeVisible();
  await expect(hubspot.getByRole("listitem")).toHaveCount(0);
});

test("the status link opens the sent preview", async ({ page }) => {
  await signIn(page, "supervisor@acme.test");
  await page.goto(`${GALLERY}/test-email`);
  await sendButton(page).click();
  await page.getByRole("link", { name: "open the Mailbox" }).click();
  await expect(page).toHaveURL(/\/notifications\/mailbox\/msg_/);
  await expect(headerValue(page, "To")).toHaveText("supervisor@acme.test");
});

test("agents are refused: page, bare HTML and the send action", async ({ page, browser }) => {
  // Capture a real send from an admin, then replay it with an agent's session.
  await signIn(page, "admin@acme.test");
  await page.goto(`${GALLERY}/test-email`);
  const captured = await captureAction(page, () => sendButton(page).click());
  await expect(page.getByRole("status").filter({ hasText: "Preview sent to you" })).toBeVisible();

  const agent = await browser.newPage();
  await signIn(agent, "agent@acme.test");
  for (const path of [GALLERY, `${GALLERY}/test-email`]) {
    await agent.goto(path);
    await expect(agent).toHaveURL(/\/no-access(\?|$)/);
    await expect(agent.getByRole("heading", { name: "No access to the admin console" })).toBeVisible();
  }
  const html = await agent.request.get(`${GALLERY}/test-email/html`);
  expect(html.status()).toBe(403);
  expect(await html.text()).toBe("Your role cannot view notifications.");

  const replayed = await replayAction(agent, captured);
  expect(replayed.text).toContain("Your role cannot view notifications.");
  await agent.goto("/sign-in"); // leave the agent's page idle
  await agent.close();

  // Only the admin's own preview was queued.
  await page.goto("/notifications/mailbox");
  await expect(page.getByRole("row").filter({ hasText: "agent@acme.test" })).toHaveCount(0);
});

test("unknown variants are a 404, and signed-out visitors go to sign-in", async ({ page }) => {
  const html = await page.request.get(`${GALLERY}/test-email/html`, { maxRedirects: 0 });
  expect([302, 307]).toContain(html.status());
  await signIn(page, "admin@acme.test");
  const res = await page.goto(`${GALLERY}/no-such-email`);
  expect(res?.status()).toBe(404);
  expect((await page.request.get(`${GALLERY}/no-such-email/html`)).status()).toBe(404);
});
