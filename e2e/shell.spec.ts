import { expect, test } from "@playwright/test";
import { resetDatabase, signIn } from "./fixtures/session";

test.beforeAll(async ({ request }) => resetDatabase(request));

test("the app shell shows the company, the user and the main navigation", async ({ page }) => {
  await signIn(page, "admin@acme.test");
  await expect(page.getByTestId("company-name")).toHaveText("Acme Dialers");
  await expect(page.getByText("admin@acme.test · Company admin")).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const label of ["Report settings", "Integrations", "Notifications"]) {
    await expect(nav.getByRole("link", { name: label })).toBeVisible();
  }
});

test("the test-only reset route restores the demo data", async ({ request }) => {
  const res = await request.post("/api/test/reset");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ ok: true });
});
