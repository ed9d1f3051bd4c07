import { expect, test } from "@playwright/test";
import { resetDatabase, signIn } from "./fixtures/session";

/*
 * Send test email (docs/product R9) through the whole pipeline on the embedded
 * default transport, read back in the Mailbox (R25) as sent.
 */

test.beforeEach(async ({ request }) => resetDatabase(request));

test("an admin sends a test email and reads it in the Mailbox", async ({ page, baseURL }) => {
  await signIn(page, "admin@acme.test");
  await page.goto("/account/report-settings");
  await page.getByRole("button", { name: "Send test email" }).click();
  await expect(page.getByText("Test email queued to 1 recipient.")).toBeVisible();
  await page.getByRole("link", { name: "Open in Mailbox" }).click();
  await expect(page).toHaveURL(/\/notifications\/mailbox\/msg_/);

  // the worker renders and delivers it right after the click; the page shows it once it has
  const heading = page.getByRole("heading", { level: 1 });
  await expect(async () => {
    await page.reload();
    await expect(heading).toHaveText("Switchboard test email for Acme Dialers", { timeout: 1_000 });
    await expect(page.getByText("1 attempt · via local mailbox")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });

  const headers = page.getByRole("definition");
  await expect(headers.filter({ hasText: "admin@acme.test" }).first()).toBeVisible();
  await expect(page.getByText("escalations@switchboard.local")).toBeVisible();
  await expect(page.getByText("notifications@switchboard.local")).toBeVisible();
  await expect(page.getByText(/^msg_/).first()).toBeVisible(); // the idempotency key
  const frame = page.frameLocator('iframe[title="HTML version of the email"]');
  await expect(frame.getByText("Test email for Acme Dialers", { exact: true })).toBeVisible();
  // Scripts stay off in the frame; its links open in a new tab, outside the sandbox, like a mail client's.
  await expect(page.locator("iframe")).toHaveAttribute("sandbox", "allow-popups allow-popups-to-escape-sandbox");
  const [popup] = await Promise.all([page.waitForEvent("popup"), frame.getByRole("link", { name: "Open Report settings" }).click()]);
  await expect(popup).toHaveURL(`${baseURL}/account/report-settings`);
  await expect(popup.getByRole("heading", { level: 1, name: "Report settings" })).toBeVisible();
  await popup.close();
  await expect(page.getByLabel("Text version of the email")).toContainText("Test email for Acme Dialers");

  await page.getByRole("link", { name: "← Mailbox" }).click();
  const row = page.getByRole("row").filter({ hasText: "Switchboard test email for Acme Dialers" });
  await expect(row).toContainText("admin@acme.test");
  await expect(row).toContainText("Test email");
  await expect(row).toContainText("Sent");

  await page.goto("/notifications");
  await expect(page.getByRole("row").filter({ hasText: "Test email" })).toContainText("1 person");
});

test("the Mailbox is per company and closed to agents", async ({ page, browser }) => {
  await signIn(page, "admin@acme.test");
  await page.goto("/account/report-settings");
  await page.getByRole("button", { name: "Send test email" }).click();
  await page.getByRole("link", { name: "Open in Mailbox" }).click();
  await expect(page).toHaveURL(/\/notifications\/mailbox\/msg_/);
  const acmeMessage = new URL(page.url()).pathname;

  const globex = await browser.newPage();
  await signIn(globex, "admin@globex.test");
  const res = await globex.goto(acmeMessage);
  expect(res?.status()).toBe(404);
  await globex.goto("/notifications/mailbox");
  await expect(globex.getByText("No emails yet.")).toBeVisible();
  await globex.close();

  const agent = await browser.newPage();
  await signIn(agent, "agent@acme.test");
  await agent.goto("/notifications/mailbox");
  await expect(agent).toHaveURL(/\/no-access/);
  await agent.close();
});

test("a supervisor reads the Mailbox but cannot send a test email", async ({ page }) => {
  await signIn(page, "supervisor@acme.test");
  await page.goto("/notifications/mailbox");
  await expect(page.getByRole("heading", { name: "Mailbox" })).toBeVisible();
  await page.goto("/account/report-settings");
  await expect(page.getByRole("button", { name: "Send test email" })).toHaveCount(0);
});
