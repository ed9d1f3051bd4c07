import { expect, test, type Page } from "@playwright/test";
import { resetDatabase, signIn } from "../fixtures/session";

/*
 * The main pages under the production CSP (docs/security/headers.md): each
 * hydrates and works — every step below needs React running in the browser —
 * and the browser reports no violation, in the page or in its frames. An
 * injected inline script at the end shows the policy is really enforced.
 */

test.beforeEach(async ({ request }) => resetDatabase(request));

type Violation = { directive: string; blocked: string; url: string };

async function watchViolations(page: Page) {
  const violations: string[] = [];
  await page.exposeFunction("__reportCspViolation", (v: Violation) => {
    violations.push(`${v.directive} blocked ${v.blocked || "(inline)"} on ${v.url}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __reportCspViolation?: (v: Violation) => void }).__reportCspViolation;
      report?.({ directive: e.effectiveDirective, blocked: e.blockedURI, url: location.href });
    });
  });
  // sandboxed frames run no script, but Chromium still logs their refusals
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(`console: ${m.text()}`);
  });
  return violations;
}

const card = (page: Page, crm: string) => page.getByRole("region", { name: crm, exact: true });

test("the main pages hydrate and work with no CSP violation", async ({ page }) => {
  test.setTimeout(120_000);
  const violations = await watchViolations(page);

  await signIn(page, "admin@acme.test");

  // report settings: the live recipient count is computed in the browser
  await page.goto("/account/report-settings");
  const resolved = page.getByTestId("resolved-recipients");
  const before = (await resolved.textContent()) ?? "";
  await page.getByRole("checkbox", { name: /^Billing admins/ }).check();
  await expect(resolved).not.toHaveText(before);

  // integrations: Disable through the confirmation dialog
  await page.goto("/integrations");
  const hubspot = card(page, "HubSpot");
  await hubspot.getByRole("button", { name: "Disable HubSpot" }).click();
  await page.getByRole("dialog", { name: "Disable HubSpot?" }).getByRole("button", { name: "Disable HubSpot" }).click();
  await expect(hubspot).toContainText("Disabled by an admin");

  // settings wizard: an edit marks the tab, Next keeps it
  await page.goto("/integrations/salesforce/settings/sync");
  await page
    .getByRole("group", { name: /^Contact creation/ })
    .getByLabel("Both ways", { exact: true })
    .check();
  await expect(page.getByRole("status").filter({ hasText: /Unsaved changes/ })).toBeVisible();
  await page.getByRole("button", { name: /Next/ }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Filters", exact: true })).toBeVisible();
  page.once("dialog", (d) => d.accept()); // leaving with unsaved edits asks first

  // delivery log and the Disable email in the Mailbox, with its srcdoc preview
  await page.goto("/notifications");
  await expect(page.getByRole("heading", { name: "Delivery log", level: 1 })).toBeVisible();
  const subject = "HubSpot integration disabled: an admin disabled it";
  await expect(async () => {
    await page.goto("/notifications/mailbox");
    await expect(page.getByRole("link", { name: subject, exact: true }).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await page.getByRole("link", { name: subject, exact: true }).first().click();
  await expect(
    page
      .frameLocator('iframe[title="HTML version of the email"]')
      .getByText(/disabled/i)
      .first(),
  ).toBeVisible();

  // email gallery: thumbnails (the framed route), then a variant's width toggle
  await page.goto("/notifications/emails");
  await expect(page.getByRole("heading", { level: 1, name: "Email gallery" })).toBeVisible();
  await page.goto("/notifications/emails/mapping-hubspot-2000-records");
  const mobile = page.getByRole("button", { name: /^Mobile/ });
  await mobile.click();
  await expect(mobile).toHaveAttribute("aria-pressed", "true");
  await expect.poll(async () => (await page.locator('iframe[title^="HTML version"]').boundingBox())?.width).toBe(375);

  // Connect Zoho through the OAuth sandbox's consent page
  await page.goto("/integrations");
  const zoho = card(page, "Zoho CRM");
  await zoho.getByRole("button", { name: "Connect Zoho CRM" }).click();
  await expect(zoho.getByText("Choose the data centre your Zoho account is in.")).toBeVisible();
  await zoho.getByLabel("Zoho data centre").selectOption({ label: "Europe (zoho.eu)" });
  await zoho.getByRole("button", { name: "Connect Zoho CRM" }).click();
  await expect(page).toHaveURL(/\/oauth-sandbox\/zoho\/authorize\?/);
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page.getByTestId("oauth-result")).toContainText("Zoho CRM is connected");

  // not-found pages
  for (const path of ["/notifications/emails/no-such-email", "/no-such-page"]) {
    const res = await page.goto(path);
    expect(res?.status()).toBe(404);
  }

  // no-access, as an agent, after signing out through the app shell
  await page.goto("/integrations");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, "agent@acme.test");
  await page.goto("/no-access");
  await expect(page.getByRole("heading", { name: "No access to the admin console" })).toBeVisible();

  expect(violations).toEqual([]);

  // the control: a script tag without this response's nonce, as an injection would add, does not run
  await page.route("**/no-access", async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace("<body", "<script>window.__injected = true</script><body");
    await route.fulfill({ response, body });
  });
  await page.goto("/no-access");
  await expect(page.getByRole("heading", { name: "No access to the admin console" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  await expect.poll(() => violations.join("\n")).toContain("script-src-elem blocked inline");
});
