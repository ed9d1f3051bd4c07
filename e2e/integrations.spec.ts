import { expect, test, type Browser, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { resetDatabase, signIn } from "./fixtures/session";
import { E2E_BASE_URL } from "./fixtures/server-config";
import { captureAction, replayAction as replay, setField, tamper } from "./fixtures/server-action";
import { fixtureNow, postEvent } from "../lib/testing/events";

/*
 * /integrations (docs/product R11, R12, R2, R1): status cards, an admin's Disable /
 * Enable with their emails, read-only roles refused on the server, and
 * tenants kept apart whatever a request carries.
 */

// The secret scripts/e2e-server.mjs starts the server with.
const EVENTS_SECRET = process.env.INTEGRATION_EVENTS_SECRET ?? "whsec_ZTJlLWV2ZW50cy1zZWNyZXQtMDEyMzQ1Njc4OQ==";
const BCC = "escalations@switchboard.local";

test.beforeEach(async ({ request }) => resetDatabase(request));

const card = (page: Page, crm: string) => page.getByRole("region", { name: crm, exact: true });

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

async function sendEvent(body: unknown) {
  const res = await postEvent(E2E_BASE_URL, { secret: EVENTS_SECRET, body });
  expect(res.status, JSON.stringify(res.json)).toBe(202);
}

/** Opens the newest mailbox message with this subject (the worker sends it shortly after the change). */
async function openMail(page: Page, subject: string) {
  await expect(async () => {
    await page.goto("/notifications/mailbox");
    await expect(page.getByRole("link", { name: subject, exact: true }).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await page.getByRole("link", { name: subject, exact: true }).first().click();
  await expect(page.getByRole("heading", { name: subject })).toBeVisible();
}

test("cards show status, last event, re-auth deadline in the company's time zone, and settings", async ({ page }) => {
  await signIn(page, "admin@acme.test");
  await page.goto("/integrations");
  await expect(card(page, "HubSpot")).toContainText("Connected");
  await expect(card(page, "HubSpot")).toContainText("No events yet");
  await expect(card(page, "Zoho CRM")).toContainText("Not connected");
  await expect(card(page, "Zoho CRM").getByRole("button", { name: /Disable|Enable/ })).toHaveCount(0);
  await expect(card(page, "HubSpot").getByRole("link", { name: "Settings for HubSpot" })).toHaveAttribute(
    "href",
    "/integrations/hubspot/settings/sync",
  );

  await sendEvent(fixtureNow("sync-hubspot-pull-clean"));
  const reauth = fixtureNow("reauth-salesforce-refresh-expired");
  reauth.data.deadline = new Date(Date.now() + 72 * 3600_000).toISOString();
  await sendEvent(reauth);

  await page.reload();
  await expect(card(page, "HubSpot")).toContainText("Recent activity");
  await expect(card(page, "HubSpot")).toContainText("Sync completed");
  await expect(card(page, "HubSpot")).not.toContainText("No events yet");
  const sf = card(page, "Salesforce");
  await expect(sf).toContainText("Needs re-authentication");
  await expect(sf).toContainText(
    /Reconnect by \w{3} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M E[SD]T \((\w{3} \d{1,2}, )?\d{2}:\d{2} UTC\) · in 3 days/,
  );
  await expect(sf).toContainText("The sign-in expired. A company admin must reconnect Salesforce.");

  // Disable from needs_reauth does not heal it: the deadline still stands (e2e/integration-health.spec.ts)
  await sf.getByRole("button", { name: "Disable Salesforce" }).click();
  await page.getByRole("dialog", { name: "Disable Salesforce?" }).getByRole("button", { name: "Disable Salesforce" }).click();
  await expect(sf).toContainText("Disabled by an admin");
  await expect(sf).toContainText("Disabled · authorization broken");
  await expect(sf).toContainText("Reconnect by");
});

test("Disable and Enable change the status and email everyone who gets reports, with the BCC", async ({ page }) => {
  await signIn(page, "admin@acme.test");
  await page.goto("/integrations");
  const hubspot = card(page, "HubSpot");

  await hubspot.getByRole("button", { name: "Disable HubSpot" }).click();
  const dialog = page.getByRole("dialog", { name: "Disable HubSpot?" });
  await expect(dialog).toContainText("The connection is kept");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(hubspot).toContainText("Connected");

  await hubspot.getByRole("button", { name: "Disable HubSpot" }).click();
  await dialog.getByRole("button", { name: "Disable HubSpot" }).click();
  await expect(hubspot.getByRole("status")).toHaveText("HubSpot is disabled. Company admins can enable it again at any time.");
  await expect(hubspot).toContainText("Disabled");
  await expect(hubspot).toContainText("Disabled by an admin");
  await expect(hubspot.getByRole("button", { name: "Disable HubSpot" })).toHaveCount(0);

  await openMail(page, "HubSpot integration disabled: an admin disabled it");
  await expect(page.getByText(BCC)).toBeVisible();
  await expect(page.locator("main")).toContainText("admin@acme.test");

  await page.goto("/integrations");
  await hubspot.getByRole("button", { name: "Enable HubSpot" }).click();
  await page.getByRole("dialog", { name: "Enable HubSpot?" }).getByRole("button", { name: "Enable HubSpot" }).click();
  await expect(hubspot.getByRole("status")).toHaveText("HubSpot is enabled and syncing again.");
  await expect(hubspot).toContainText("Connected");
  await openMail(page, "HubSpot integration enabled");
  await expect(page.getByText(BCC)).toBeVisible();
});

test("an integration disabled for an auth reason says Reconnect is needed and offers no Enable", async ({ page }) => {
  const body = fixtureNow("disabled-hubspot-uninstalled");
  await sendEvent(body);
  await signIn(page, "admin@acme.test");
  await page.goto("/integrations");
  const hubspot = card(page, "HubSpot");
  await expect(hubspot).toContainText("Disabled");
  await expect(hubspot).toContainText("App uninstalled from the CRM");
  await expect(hubspot).toContainText("Reconnect HubSpot to turn it back on");
  await expect(hubspot.getByRole("button", { name: "Enable HubSpot" })).toHaveCount(0);
});

test("supervisors and billing admins see read-only pages, agents none, and forged requests are refused", async ({ page, browser }) => {
  await signIn(page, "admin@acme.test");
  await page.goto("/integrations/hubspot/settings/sync");
  await page
    .getByRole("group", { name: /^Contact creation/ })
    .getByLabel("Both ways", { exact: true })
    .check();
  const save = await captureAction(page, () => page.getByRole("button", { name: "Save", exact: true }).click());
  await expect(page.getByText("HubSpot settings saved.")).toBeVisible();
  const forgedBody = setField(save.body.toString("utf8"), "sync.contactUpdate", "inbound");

  await page.goto("/integrations");
  await card(page, "HubSpot").getByRole("button", { name: "Disable HubSpot" }).click();
  // capture Disable without letting it through
  await page.route("**/integrations", (route) => (route.request().headers()["next-action"] ? route.abort() : route.continue()));
  const disable = await captureAction(page, () =>
    page.getByRole("dialog", { name: "Disable HubSpot?" }).getByRole("button", { name: "Disable HubSpot" }).click(),
  );
  await page.unroute("**/integrations");

  for (const email of ["supervisor@acme.test", "billing@acme.test"]) {
    const other = await signedInPage(browser, email);
    await other.goto("/integrations");
    await expect(other.getByText("Only company admins can connect, disable or change them.")).toBeVisible();
    await expect(other.getByRole("button", { name: /Disable|Enable/ })).toHaveCount(0);
    await other.goto("/integrations/hubspot/settings/sync");
    await expect(other.getByText("Only company admins can change integration settings.")).toBeVisible();
    await expect(other.getByRole("group", { name: /^Contact creation/ }).getByLabel("Both ways", { exact: true })).toBeDisabled();
    await expect(other.getByRole("button", { name: /^Save|Reset/ })).toHaveCount(0);
    await other.getByRole("button", { name: /Next/ }).click();
    await expect(other).toHaveURL(/\/settings\/filters$/);

    const refusedSave = await replay(other, save, forgedBody);
    expect(refusedSave.text).toContain("Only company admins can connect, disable or change integrations. Nothing was saved.");
    const refusedDisable = await replay(other, disable);
    expect(refusedDisable.text).toContain("Only company admins can connect, disable or change integrations.");
    await other.context().close();
  }

  await page.goto("/integrations/hubspot/settings/sync");
  await expect(page.getByRole("group", { name: /^Contact updates/ }).getByLabel("Both ways", { exact: true })).toBeChecked();
  await page.goto("/integrations");
  await expect(card(page, "HubSpot")).toContainText("Connected");

  // the same forged body from the admin is accepted once it names the current version: the refusals above were about the role
  const stale = await replay(page, save, forgedBody);
  expect(stale.text).toContain("You changed these settings in another tab or window");
  const current = /"version":"(\d+)"/.exec(stale.text)?.[1];
  expect(current).toBeTruthy();
  const accepted = await replay(page, save, tamper(forgedBody, /(name="[^"]*version"\r\n\r\n)\d+/, `$1${current}`));
  expect(accepted.text).toContain("HubSpot settings saved.");

  const agent = await signedInPage(browser, "agent@acme.test");
  await agent.goto("/integrations/hubspot/settings/sync");
  await expect(agent).toHaveURL(/\/no-access(\?|$)/);
  await expect(agent.getByRole("heading", { name: "No access to the admin console" })).toBeVisible();
  expect((await replay(agent, save, forgedBody)).text).toContain("Only company admins can connect");
  await agent.context().close();
});

test("Globex sees only its own integrations, and forged requests change nothing at Acme", async ({ page, browser }) => {
  await signIn(page, "admin@acme.test");
  await page.goto("/integrations/salesforce/settings/sync");
  await page
    .getByRole("group", { name: /^Records to sync/ })
    .getByLabel("Contacts and leads", { exact: true })
    .check();
  // capture Acme's Save without letting it through, then replay it as Globex
  await page.route("**/integrations/salesforce/settings/**", (route) =>
    route.request().headers()["next-action"] ? route.abort() : route.continue(),
  );
  const save = await captureAction(page, () => page.getByRole("button", { name: "Save", exact: true }).click());
  await page.unroute("**/integrations/salesforce/settings/**");

  const globex = await signedInPage(browser, "admin@globex.test");
  await globex.goto("/integrations");
  await expect(globex.getByTestId("company-name")).toHaveText("Globex");
  await expect(card(globex, "HubSpot")).toContainText("demo-globex-hubspot");
  await expect(globex.locator("main")).not.toContainText("demo-acme");
  await expect(card(globex, "Salesforce")).toContainText("Not connected");

  // an extra companyId field and Acme's own request: the company still comes from the session
  const boundary = /boundary=(.+)$/.exec(save.headers["content-type"])![1];
  const forged = tamper(
    save.body.toString("utf8"),
    `--${boundary}--`,
    `--${boundary}\r\nContent-Disposition: form-data; name="_1_companyId"\r\n\r\nacme\r\n--${boundary}--`,
  );
  const result = await replay(globex, save, forged);
  expect(result.status).toBe(200);
  expect(result.text).toContain("Salesforce settings saved.");
  await globex.goto("/integrations/salesforce/settings/sync");
  await expect(globex.getByRole("group", { name: /^Records to sync/ }).getByLabel("Contacts and leads", { exact: true })).toBeChecked();

  await globex.goto("/integrations");
  await card(globex, "HubSpot").getByRole("button", { name: "Disable HubSpot" }).click();
  await globex.route("**/integrations", (route) => (route.request().headers()["next-action"] ? route.abort() : route.continue()));
  const disable = await captureAction(globex, () =>
    globex.getByRole("dialog", { name: "Disable HubSpot?" }).getByRole("button", { name: "Disable HubSpot" }).click(),
  );
  await globex.unroute("**/integrations");
  const forgedDisable = tamper(disable.body.toString("utf8"), /hubspot/g, "salesforce");
  expect((await replay(globex, disable, forgedDisable)).text).toContain("Salesforce isn't connected, so there is nothing to disable.");
  await globex.context().close();

  await page.goto("/integrations/salesforce/settings/sync");
  await expect(page.getByRole("group", { name: /^Records to sync/ }).getByLabel("Contacts", { exact: true })).toBeChecked();
  await page.goto("/integrations");
  await expect(card(page, "Salesforce")).toContainText("Connected");
  await expect(card(page, "HubSpot")).toContainText("Connected");
});

test("axe: no serious or critical violations on /integrations", async ({ page }) => {
  const reauth = fixtureNow("reauth-hubspot-token-revoked");
  await sendEvent(reauth);
  for (const email of ["admin@acme.test", "supervisor@acme.test"]) {
    await signIn(page, email);
    await page.goto("/integrations");
    await expect(page.getByRole("heading", { name: "Integrations", level: 1 })).toBeVisible();
    if (email.startsWith("admin")) {
      await card(page, "Salesforce").getByRole("button", { name: "Disable Salesforce" }).click();
      await expect(page.getByRole("dialog")).toBeVisible();
    }
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${email}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await page.context().clearCookies();
  }
});
