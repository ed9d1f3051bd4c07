import { expect, test } from "@playwright/test";
import { resetDatabase, signIn } from "../fixtures/session";
import { DEMO_PASSWORD, E2E_BASE_URL } from "../fixtures/server-config";

/*
 * `?next=` after sign-in must never leave the app (docs/security/sign-in.md).
 * Each payload is written as it appears in a link, percent-encoded where a
 * link would carry it so. Chromium resolves every other host to nothing
 * here, so leaving the app shows as a URL off the app's origin.
 */

const PAYLOADS = [
  "/%09/evil.example",
  "/%0a/evil.example",
  "/%0d/evil.example",
  "/%0d%0a/evil.example",
  "/%00/evil.example",
  "/%E3%80%82/evil.example",
  "//evil.example",
  "///evil.example",
  "/%2fevil.example",
  "/%5cevil.example",
  "/%5c/evil.example",
  "%5c%5cevil.example",
  "/%20/evil.example",
  "https://evil.example",
  "//127.0.0.1@evil.example",
  "javascript:alert(document.domain)",
  "/%e2%80%a8/evil.example",
];

test.beforeAll(async ({ request }) => resetDatabase(request));

test("signed in, every payload is answered with a redirect inside the app, never a 500", async ({ page }) => {
  await signIn(page, "admin@acme.test");
  for (const payload of PAYLOADS) {
    const res = await page.request.get(`/sign-in?next=${payload}`, { maxRedirects: 0 });
    expect(res.status(), payload).toBeLessThan(400);
    const location = res.headers()["location"];
    expect(location, payload).toBeTruthy();
    expect(new URL(location, E2E_BASE_URL).origin, `${payload} → ${JSON.stringify(location)}`).toBe(E2E_BASE_URL);
    expect(location, payload).not.toMatch(/[\u0000-\u001f\\]/);
  }
});

test("signed in, following the link in Chromium stays in the app", async ({ page }) => {
  await signIn(page, "admin@acme.test");
  for (const payload of PAYLOADS) {
    await page.goto(`/sign-in?next=${payload}`).catch(() => undefined);
    expect(new URL(page.url()).origin, payload).toBe(E2E_BASE_URL);
  }
});

for (const payload of ["/%09/evil.example", "/%0a/evil.example", "/%E3%80%82/evil.example", "/%5cevil.example"]) {
  test(`through the sign-in form, next=${payload} stays in the app`, async ({ page }) => {
    await page.goto(`/sign-in?next=${payload}`);
    await page.getByLabel("Email").fill("admin@acme.test");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in") || url.origin !== E2E_BASE_URL);
    expect(new URL(page.url()).origin).toBe(E2E_BASE_URL);
  });
}
