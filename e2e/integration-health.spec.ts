import { expect, test, type Page } from "@playwright/test";
import { resetDatabase, signIn } from "./fixtures/session";
import { E2E_BASE_URL } from "./fixtures/server-config";
import { fixtureNow, postEvent } from "../lib/testing/events";
import { advanceClock, HOUR } from "./pipeline/clock";

/*
 * Connection health and on/off are two facts (docs/product R11, docs/integrations/status.md):
 * Disable → Enable of a broken HubSpot must not report it connected, a deadline that
 * passes while disabled leaves Reconnect as the only way back, and the card's lines
 * agree with each other (a resolved alert says so, "No email" says why).
 */

const EVENTS_SECRET = process.env.INTEGRATION_EVENTS_SECRET ?? "whsec_ZTJlLWV2ZW50cy1zZWNyZXQtMDEyMzQ1Njc4OQ==";

test.beforeEach(async ({ request }) => resetDatabase(request));

const card = (page: Page, crm: string) => page.getByRole("region", { name: crm, exact: true });

async function postReauth(): Promise<void> {
  const body = fixtureNow("reauth-hubspot-token-revoked");
  body.data.deadline = new Date(Date.now() + 72 * HOUR).toISOString();
  const res = await postEvent(E2E_BASE_URL, { secret: EVENTS_SECRET, body });
  expect(res.status, JSON.stringify(res.json)).toBe(202);
}

async function confirm(page: Page, action: "Disable" | "Enable", crm = "HubSpot") {
  await card(page, crm)
    .getByRole("button", { name: `${action} ${crm}` })
    .click();
  const dialog = page.getByRole("dialog", { name: `${action} ${crm}?` });
  await dialog.getByRole("button", { name: `${action} ${crm}` }).click();
  await expect(dialog).toBeHidden();
}

const deadlineText = (page: Page) =>
  card(page, "HubSpot")
    .getByText(/^Reconnect by/)
    .locator("time")
    .textContent();

test("Disable → Enable of a broken HubSpot: Needs re-authentication with its original deadline, no 'enabled' email; Reconnect resolves it", async ({
  page,
}) => {
  await postReauth();
  await postReauth(); // the alert is already open: stored, nothing sent, and the timeline says why
  await signIn(page, "admin@acme.test");
  await page.goto("/integrations");
  const hubspot = card(page, "HubSpot");
  await expect(hubspot).toContainText("Needs re-authentication");
  await expect(hubspot.getByText("alert already open")).toBeVisible();
  const original = await deadlineText(page);

  await confirm(page, "Disable");
  await expect(hubspot.getByRole("status")).toContainText("Its authorization is still broken");
  await expect(hubspot).toContainText("Disabled · authorization broken");
  await expect(hubspot.getByText(/^Reconnect by/).locator("time")).toHaveText(original!);
  await expect(hubspot.getByRole("button", { name: "Reconnect HubSpot" })).toBeVisible();

  await hubspot.getByRole("button", { name: "Enable HubSpot" }).click();
  await expect(page.getByRole("dialog", { name: "Enable HubSpot?" })).toContainText(
    "returns it to Needs re-authentication with its original deadline",
  );
  await page.getByRole("dialog", { name: "Enable HubSpot?" }).getByRole("button", { name: "Enable HubSpot" }).click();
  await expect(hubspot.getByRole("status")).toContainText("can't sync");
  await expect(hubspot).toContainText("Needs re-authentication");
  await expect(hubspot).not.toContainText("Connected");
  expect(await deadlineText(page)).toBe(original);
  // the outbox is written with the status change: an "enabled" email would be on the timeline now
  const timeline = hubspot.getByRole("region", { name: "Events and emails" });
  await expect(timeline.getByText("Integration disabled", { exact: true })).toBeVisible();
  await expect(timeline.getByText("Integration enabled", { exact: true })).toHaveCount(0);

  await hubspot.getByRole("button", { name: "Reconnect HubSpot" }).click();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page).toHaveURL(/\/integrations/);
  await expect(hubspot).toContainText("Connected");
  await expect(hubspot).toContainText(/Re-authentication required · resolved .* \(reconnected by Ada Admin\)/);

  // the Mailbox: the alert, the Disable and the recovery, never "connected and syncing" after Enable
  await expect(async () => {
    await page.goto("/notifications/mailbox");
    await expect(page.getByRole("link", { name: "HubSpot reconnected — syncing again", exact: true })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByRole("link", { name: /^HubSpot integration disabled/ })).toHaveCount(1);
  await expect(page.getByRole("link", { name: "HubSpot integration enabled", exact: true })).toHaveCount(0);
});

test("the deadline passes while disabled: disabled for an auth reason, only Reconnect leaves it", async ({ page }) => {
  await postReauth();
  await signIn(page, "admin@acme.test");
  await page.goto("/integrations");
  await confirm(page, "Disable");
  const hubspot = card(page, "HubSpot");
  await expect(hubspot).toContainText("Disabled · authorization broken");

  await advanceClock(E2E_BASE_URL, 73 * HOUR);
  await expect(async () => {
    await page.reload();
    await expect(hubspot).toContainText("Reconnect deadline passed", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(hubspot).toContainText("Disabled · authorization broken");
  await expect(hubspot.getByRole("button", { name: "Enable HubSpot" })).toHaveCount(0);
  await expect(hubspot.getByRole("button", { name: "Reconnect HubSpot" })).toBeVisible();
});

test("at 1280 px the three cards' action rows line up", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await postReauth(); // a card with a deadline box next to ones without
  await signIn(page, "admin@acme.test");
  await page.goto("/integrations");
  const tops: number[] = [];
  for (const crm of ["HubSpot", "Salesforce", "Zoho CRM"]) {
    const box = await card(page, crm)
      .getByRole("link", { name: `Settings for ${crm}` })
      .boundingBox();
    tops.push(Math.round(box!.y));
  }
  expect(new Set(tops).size, `button tops ${tops.join(", ")}`).toBe(1);
});
