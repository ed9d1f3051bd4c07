import { expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { resetDatabase, signIn } from "./fixtures/session";
import { DEMO_PASSWORD } from "./fixtures/server-config";

test.beforeAll(async ({ request }) => resetDatabase(request));

async function submitSignIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

const ADMIN_USERS = [
  { email: "admin@acme.test", name: "Ada Admin", company: "Acme Dialers", role: "Company admin" },
  { email: "billing@acme.test", name: "Bill Ledger", company: "Acme Dialers", role: "Billing admin" },
  { email: "supervisor@acme.test", name: "Sue Pervisor", company: "Acme Dialers", role: "Company supervisor" },
  { email: "admin@globex.test", name: "Gina Globex", company: "Globex", role: "Company admin" },
];

for (const user of ADMIN_USERS) {
  test(`${user.email} signs in and lands on Report settings of ${user.company}`, async ({ page }) => {
    await signIn(page, user.email);
    await expect(page).toHaveURL(/\/account\/report-settings$/);
    await expect(page.getByRole("heading", { level: 1, name: "Report settings" })).toBeVisible();
    await expect(page.getByTestId("company-name")).toHaveText(user.company);
    await expect(page.getByText(`${user.email} · ${user.role}`)).toBeVisible();
    await expect(page.getByText(user.name, { exact: true }).first()).toBeVisible();
  });
}

test("an agent signs in and sees the no-access page, also when opening Report settings directly", async ({ page }) => {
  await signIn(page, "agent@acme.test");
  await expect(page).toHaveURL(/\/no-access$/);
  await expect(page.getByRole("heading", { name: /No access/ })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  await page.goto("/account/report-settings");
  await expect(page).toHaveURL(/\/no-access(\?|$)/);
  await expect(page.getByRole("heading", { name: /No access/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "System reports recipients" })).toHaveCount(0);
});

test("a wrong password gets a clear error and no session", async ({ page }) => {
  await page.goto("/sign-in");
  await submitSignIn(page, "admin@acme.test", "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: "don't match" })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByLabel("Email")).toHaveValue("admin@acme.test");
  await page.goto("/account/report-settings");
  await expect(page).toHaveURL(/\/sign-in\?next=/);
});

test("an empty form is answered next to each field", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription(/Enter the email address/);
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription(/Enter your password/);
});

test("the deactivated former@acme.test cannot sign in and is told why", async ({ page }) => {
  await page.goto("/sign-in");
  await submitSignIn(page, "former@acme.test", DEMO_PASSWORD);
  await expect(page.getByRole("alert").filter({ hasText: "This account has been deactivated" })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/account/report-settings");
  await expect(page).toHaveURL(/\/sign-in\?next=/);
});

test("sign-out ends the session", async ({ page }) => {
  await signIn(page, "admin@acme.test");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("heading", { name: "Sign in to your admin console" })).toBeVisible();
  await page.goto("/account/report-settings");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount%2Freport-settings$/);
});

test("a signed-out visit to Report settings goes to sign-in and back there afterwards", async ({ page }) => {
  await page.goto("/account/report-settings");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount%2Freport-settings$/);
  await submitSignIn(page, "billing@acme.test", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/account\/report-settings$/);
  await expect(page.getByRole("heading", { name: "System reports recipients" })).toBeVisible();
});

test("a sign-in link cannot send the user to another site", async ({ page }) => {
  await page.goto("/sign-in?next=//evil.example/steal");
  await submitSignIn(page, "admin@acme.test", DEMO_PASSWORD);
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/account\/report-settings$/);
});

test("the sign-in page has no serious or critical accessibility violations", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  const clean = await new AxeBuilder({ page }).analyze();
  await submitSignIn(page, "admin@acme.test", "wrong-password");
  await expect(page.getByRole("alert").filter({ hasText: "don't match" })).toBeVisible();
  const withError = await new AxeBuilder({ page }).analyze();
  const serious = [...clean.violations, ...withError.violations]
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(serious).toEqual([]);
});
