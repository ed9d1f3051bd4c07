import { expect, test, type Page } from "@playwright/test";
import { resetDatabase, signIn } from "./fixtures/session";
import { DEMO_PASSWORD } from "./fixtures/server-config";

/*
 * Pages that do not exist, and pages someone may not open: both stay in the
 * console's style, inside the app shell when signed in, and lead somewhere.
 */

test.beforeAll(async ({ request }) => resetDatabase(request));

async function expectNotFoundInShell(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to Switchboard" })).toBeVisible();
}

test("a page that does not exist is a 404 inside the console, with a way back", async ({ page, request }) => {
  await signIn(page, "admin@globex.test");
  // the Filters tab is not enabled for Globex
  await expectNotFoundInShell(page, "/integrations/hubspot/settings/filters");
  await expect(page).toHaveTitle("Page not found · Switchboard");
  await expectNotFoundInShell(page, "/integrations/pipedrive/settings");
  await expectNotFoundInShell(page, "/notifications/ntf_does_not_exist");
  await expectNotFoundInShell(page, "/no-such-page");
  await expect(page).toHaveTitle("Page not found · Switchboard");
  await page.getByRole("link", { name: "Back to Switchboard" }).click();
  await expect(page).toHaveURL(/\/account\/report-settings$/);

  // signed out: the same page, leading to sign-in
  const anonymous = await request.get("/no-such-page");
  expect(anonymous.status()).toBe(404);
  const html = await anonymous.text();
  expect(html).toContain("Page not found");
  expect(html).toContain("Sign in to Switchboard");
});

test("an agent who follows an email's link is told what it was and which admins of their company can act", async ({ page }) => {
  // the re-auth email's button, opened signed out: sign-in first, then the no-access page
  await page.goto("/integrations?reconnect=hubspot");
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.getByLabel("Email").fill("agent@acme.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page).toHaveURL(/\/no-access\?from=%2Fintegrations%3Freconnect%3Dhubspot$/);
  await expect(page.getByRole("heading", { name: "No access to the admin console" })).toBeVisible();
  await expect(page.getByText("You tried to open Reconnect HubSpot (Integrations)")).toBeVisible();
  const admins = page.getByRole("list", { name: "Company admins of Acme Dialers" });
  await expect(admins.getByRole("listitem")).toHaveCount(1);
  await expect(admins.getByRole("listitem").first()).toContainText("Ada Admin");
  await expect(admins.getByRole("link", { name: "admin@acme.test" })).toHaveAttribute("href", "mailto:admin@acme.test");
  // never a deactivated admin, never another company's people
  const main = page.getByRole("main");
  for (const other of ["Fred Former", "former@acme.test", "Gina Globex", "admin@globex.test"]) {
    await expect(main.getByText(other)).toHaveCount(0);
  }
});
