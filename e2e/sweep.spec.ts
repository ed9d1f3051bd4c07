import { expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { E2E_BASE_URL } from "./fixtures/server-config";
import { resetDatabase, signIn } from "./fixtures/session";
import { SWEEP_PAGES, SWEEP_ROLES, WIDTHS, type SweepPage } from "./fixtures/pages";
import { fixtureNow, postEvent } from "../lib/testing/events";

/*
 * Every console page (e2e/fixtures/pages.ts) in one pass per width: as the
 * company admin each page is loaded once at 1280 px and once at 390 px, and
 * that one load serves every check — a clean console, nothing wider than the
 * phone's viewport, and axe in the light and then the dark colour scheme
 * (switching the scheme repaints; it needs no reload). The other roles visit
 * every page once, at 1280 px in light, for the console alone.
 */

// the shared e2e server's events secret (scripts/e2e-server.mjs)
const EVENTS_SECRET = "whsec_ZTJlLWV2ZW50cy1zZWNyZXQtMDEyMzQ1Njc4OQ==";
let ids: { notification: string; message: string };

// the failure lists every problem by page; a trace of ~100 loads would only slow the sweep down
test.use({ trace: "off" });

test.beforeAll(async ({ request, browser }) => {
  await resetDatabase(request);
  // a sync report with failures: a notification with a records page and a delivered message in the Mailbox
  const res = await postEvent(E2E_BASE_URL, { secret: EVENTS_SECRET, body: fixtureNow("sync-salesforce-push") });
  expect(res.status, JSON.stringify(res.json)).toBe(202);
  const page = await browser.newPage();
  await signIn(page, "admin@acme.test");
  await expect(async () => {
    await page.goto("/notifications/mailbox");
    await expect(page.getByRole("row").filter({ hasText: "Salesforce" }).getByText("Sent", { exact: true })).toBeVisible({
      timeout: 1_000,
    });
  }).toPass({ timeout: 15_000 });
  const href = (await page.getByRole("row").filter({ hasText: "Salesforce" }).getByRole("link").first().getAttribute("href")) ?? "";
  const message = href.split("/").pop() ?? "";
  await page.goto("/notifications");
  const logHref = (await page.getByRole("table").getByRole("link").first().getAttribute("href")) ?? "";
  const notification = logHref.split("/").pop()?.split("#")[0] ?? "";
  expect(message).toMatch(/^msg_/);
  expect(notification).not.toBe("");
  ids = { notification, message };
  await page.close();
});

const pathOf = (p: SweepPage) => p.path.replace("{notification}", ids.notification).replace("{message}", ids.message);

/** Console errors, warnings and uncaught exceptions of everything the page loads, as `[page] text` lines. */
function watchConsole(page: Page, label: () => string, problems: string[] = []): string[] {
  page.on("console", (msg) => {
    if (msg.type() !== "error" && msg.type() !== "warning") return;
    // a page that is not there (or not this company's) answers its document with 404, which Chromium logs as a failed load
    const url = msg.location().url;
    if (/status of 404/.test(msg.text()) && url === page.url()) return;
    problems.push(`[${label()}] ${msg.type()}: ${msg.text()}${url ? ` (${url})` : ""}`);
  });
  page.on("pageerror", (err) => problems.push(`[${label()}] uncaught: ${err.message}`));
  return problems;
}

/**
 * Serious and critical axe violations of the app's own markup. The emails in
 * the sandboxed frames run no scripts, so axe cannot be injected there; the
 * emails' accessibility is the templates' concern (they keep their own colours).
 */
async function axe(page: Page, label: string, { contrastOnly = false } = {}): Promise<string[]> {
  const builder = new AxeBuilder({ page }).exclude("iframe");
  // colour is all a scheme changes, so the second scheme's pass needs only the contrast rule
  if (contrastOnly) builder.withRules(["color-contrast"]);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `[${label}] ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Loads the page and waits until React has hydrated it (Next mounts its route announcer then). */
async function visit(page: Page, p: SweepPage) {
  await page.goto(pathOf(p));
  await page.locator("next-route-announcer").waitFor({ state: "attached" });
}

for (const [widthName, viewport] of Object.entries(WIDTHS)) {
  test(`every page as the company admin at ${viewport.width} px: clean console, fits the viewport, no serious axe violations light or dark`, async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    // reduced motion: no colour transition is still running when axe reads the colours after a scheme switch
    const context = await browser.newContext({ viewport, colorScheme: "light", reducedMotion: "reduce" });
    const page = await context.newPage();
    let current = "";
    const problems = watchConsole(page, () => current);
    const failures: string[] = [];
    let signedIn = false;
    for (const p of SWEEP_PAGES) {
      if (p.signedIn !== false && !signedIn) {
        current = "sign-in as admin@acme.test";
        await signIn(page, "admin@acme.test");
        signedIn = true;
      }
      current = `${p.name} ${widthName}`;
      await page.emulateMedia({ colorScheme: "light" });
      await visit(page, p);
      if (viewport.width < 1000) {
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > viewport.width) failures.push(`[${current}] ${width} px wide in a ${viewport.width} px viewport`);
        // the tab or step the user is on is never scrolled out of sight (the wizard's tab strip scrolls sideways)
        for (const box of await page
          .locator('a[aria-current="page"]')
          .evaluateAll((links) => links.map((l) => l.getBoundingClientRect().toJSON())))
          if (box.left < 0 || box.right > viewport.width)
            failures.push(`[${current}] the current tab is off screen (${Math.round(box.left)}–${Math.round(box.right)} px)`);
      }
      failures.push(...(await axe(page, `${current} light`)));
      const lightBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      await page.emulateMedia({ colorScheme: "dark" });
      const darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      if (darkBackground === lightBackground) failures.push(`[${current}] ignores the dark scheme (background ${darkBackground})`);
      failures.push(...(await axe(page, `${current} dark`, { contrastOnly: true })));
    }
    if (viewport.width < 1000) {
      // the confirmation of Send test email opens above its button and must stay on screen
      await page.goto("/account/report-settings");
      await page.getByRole("button", { name: "Send test email" }).click();
      const bubble = page.getByRole("status").filter({ hasText: "Test email queued" });
      await expect(bubble).toBeVisible();
      const box = (await bubble.boundingBox())!;
      if (box.x < 0 || box.x + box.width > viewport.width)
        failures.push(`[test-email confirmation] spans ${Math.round(box.x)}–${Math.round(box.x + box.width)} px of ${viewport.width}`);
    }
    await context.close();
    expect([...problems, ...failures]).toEqual([]);
  });
}

test("every page as every other role: clean console", async ({ browser }) => {
  test.setTimeout(180_000);
  const problems: string[] = [];
  for (const email of SWEEP_ROLES.filter((r) => r !== "admin@acme.test")) {
    const context = await browser.newContext({ viewport: WIDTHS.desktop });
    const page = await context.newPage();
    let current = `sign-in as ${email}`;
    watchConsole(page, () => current, problems);
    await signIn(page, email);
    for (const p of SWEEP_PAGES.filter((x) => x.signedIn !== false)) {
      current = `${p.name} as ${email}`;
      await visit(page, p);
    }
    await context.close();
  }
  expect(problems).toEqual([]);
});

test("every page has an icon, and /favicon.ico answers for browsers that ask for it", async ({ page, request }) => {
  await page.goto("/sign-in");
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href", { timeout: 1_000 });
  expect((await request.get(href!)).status()).toBe(200);
  expect((await request.get("/favicon.ico")).status()).toBe(200);
});
