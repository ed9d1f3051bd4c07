import { mkdirSync } from "node:fs";
import { expect, test, type Cookie } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { GALLERY_VARIANTS } from "@/lib/notifications/gallery";
import { resetDatabase, signIn } from "./fixtures/session";

/*
 * Every email as a reader's client shows it (docs/product R29): each gallery variant
 * at 600 px (desktop clients) and 375 px (phones), from the gallery's bare
 * HTML route. Nothing may scroll sideways, the one call to action must be on
 * screen horizontally and, at 375 px, within the first 700 px, and axe finds
 * nothing serious in the email itself.
 * Screenshots land in test-results/emails/ for review.
 */

const OUT = "test-results/emails";
const WIDTHS = [600, 375] as const;
const FIRST_SCREEN = 700; // px from the top at 375 px wide: a phone's first screen

test.describe.configure({ mode: "serial" });

// One sign-in for the whole file; every test reuses its session cookies.
let session: Cookie[] = [];

test.beforeAll(async ({ request, browser }) => {
  await resetDatabase(request);
  mkdirSync(OUT, { recursive: true });
  const page = await browser.newPage();
  await signIn(page, "admin@acme.test");
  session = await page.context().cookies();
  await page.close();
});

test.beforeEach(async ({ context }) => context.addCookies(session));

for (const variant of GALLERY_VARIANTS) {
  test(`${variant.id} fits 600 and 375 px, call to action visible, accessible`, async ({ page }) => {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      const res = await page.goto(`/notifications/emails/${variant.id}/html`);
      expect(res?.status()).toBe(200);
      await expect(page.getByText("Sent by Switchboard for Acme Dialers.")).toBeVisible();

      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth, `${variant.id} at ${width} px scrolls sideways`).toBeLessThanOrEqual(width);

      const cta = page.locator("a.sb-cta");
      await expect(cta).toHaveCount(1);
      await expect(cta).toBeVisible();
      const box = (await cta.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, `${variant.id} CTA at ${width} px`).toBeLessThanOrEqual(width);
      expect(box.height).toBeGreaterThanOrEqual(40); // a comfortable tap target
      // On a phone the action is on the first screen, above any facts table or record list.
      if (width === 375) expect(box.y + box.height, `${variant.id} CTA bottom at ${width} px`).toBeLessThanOrEqual(FIRST_SCREEN);

      await page.screenshot({ path: `${OUT}/${variant.id}-${width}.png`, fullPage: true });
    }
    // axe needs scripts, which the route's sandbox forbids: check the same HTML in a plain page.
    const html = await (await page.request.get(`/notifications/emails/${variant.id}/html`)).text();
    await page.goto("about:blank");
    await page.setContent(html);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}
