import { join } from "node:path";
import Database from "better-sqlite3";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { decryptToken, tokenContext } from "../lib/crypto/token-cipher";
import { resetDatabase, signIn } from "./fixtures/session";
import { E2E_BASE_URL, E2E_PORT } from "./fixtures/server-config";
import { fixtureNow, postEvent } from "../lib/testing/events";

/*
 * Connect and Reconnect over OAuth 2.0 (docs/product R34–R37, R11–R13) through the
 * built-in sandbox authorization server, which runs the same code path as
 * the real CRMs: consent page, one-time code, PKCE, token exchange.
 */

// what scripts/e2e-server.mjs starts the server with
const EVENTS_SECRET = process.env.INTEGRATION_EVENTS_SECRET ?? "whsec_ZTJlLWV2ZW50cy1zZWNyZXQtMDEyMzQ1Njc4OQ==";
const APP_SECRET = "e2e-secret-0123456789-0123456789-0123456789";
const DB_FILE = join(process.cwd(), "test-results", `e2e-${E2E_PORT}.db`);

test.beforeEach(async ({ request }) => resetDatabase(request));

const card = (page: Page, crm: string) => page.getByRole("region", { name: crm, exact: true });
const result = (page: Page) => page.getByTestId("oauth-result");

function integrationRow(provider: string) {
  const db = new Database(DB_FILE, { readonly: true });
  try {
    return db.prepare("select * from integrations where company_id = 'acme' and provider = ?").get(provider) as Record<
      string,
      string | number | null
    >;
  } finally {
    db.close();
  }
}

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

/** Every mailbox subject, once nothing planned is still waiting to be rendered. */
async function mailSubjects(page: Page): Promise<string[]> {
  let subjects: string[] = [];
  await expect(async () => {
    await page.goto("/notifications/mailbox");
    subjects = await page.locator("tbody tr td:nth-child(3) a").allTextContents();
    expect(subjects).not.toContain("(rendering…)");
  }).toPass({ timeout: 20_000 });
  return subjects;
}

/** Opens the newest mailbox message whose subject matches (the worker sends it shortly after the change). */
async function openMail(page: Page, subject: RegExp) {
  await expect(async () => {
    await page.goto("/notifications/mailbox");
    await expect(page.getByRole("link", { name: subject }).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await page.getByRole("link", { name: subject }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();
}

async function expectStoredTokensEncrypted(provider: string) {
  const row = integrationRow(provider);
  for (const [column, kind] of [
    ["access_token_enc", "access"],
    ["refresh_token_enc", "refresh"],
  ] as const) {
    const stored = String(row[column]);
    expect(stored).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(stored).not.toContain("sbx_");
    const plain = decryptToken(stored, { secret: APP_SECRET, context: tokenContext("acme", provider, kind) });
    expect(plain).toMatch(kind === "access" ? /^sbx_at\./ : /^sbx_rt\./);
  }
}

test("a re-auth email's link leads to Reconnect; Allow restores HubSpot, emails it, and resets dispositions to CRM → app", async ({
  page,
}) => {
  await signIn(page, "admin@acme.test");
  // an admin had chosen two-way dispositions
  await page.goto("/integrations/hubspot/settings/communication");
  await page
    .getByRole("group", { name: /^Disposition sync direction/ })
    .getByLabel("Both ways", { exact: true })
    .check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("HubSpot settings saved.")).toBeVisible();

  const event = fixtureNow("reauth-hubspot-token-revoked");
  event.data.deadline = new Date(Date.now() + 72 * 3600_000).toISOString();
  const posted = await postEvent(E2E_BASE_URL, { secret: EVENTS_SECRET, body: event });
  expect(posted.status, JSON.stringify(posted.json)).toBe(202);

  await openMail(page, /^Action required: HubSpot needs to be reconnected by/);
  const link = page.frameLocator('iframe[title="HTML version of the email"]').getByRole("link", { name: "Reconnect HubSpot" });
  const href = await link.getAttribute("href");
  expect(href).toBe(`${E2E_BASE_URL}/integrations?reconnect=hubspot`);
  await page.goto(href!);

  const hubspot = card(page, "HubSpot");
  await expect(hubspot).toContainText("Needs re-authentication");
  await expect(hubspot.getByText("Reconnect HubSpot to resume syncing.")).toBeVisible();
  const reconnect = hubspot.getByRole("button", { name: "Reconnect HubSpot" });
  await expect(reconnect).toBeFocused();
  await expect(reconnect).toBeInViewport();
  await page.screenshot({ path: "test-results/oauth-reconnect-highlight.png", fullPage: true });

  await reconnect.click();
  await expect(page).toHaveURL(/\/oauth-sandbox\/hubspot\/authorize\?/);
  await expect(page.getByRole("heading", { name: "Allow Switchboard to access HubSpot (sandbox)" })).toBeVisible();
  await expect(page.getByText("Sandbox", { exact: true })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("Acme Dialers");
  await expect(page.getByRole("main")).toContainText("crm.objects.contacts.write");
  await page.screenshot({ path: "test-results/oauth-sandbox-consent.png", fullPage: true });
  await page.getByRole("button", { name: "Allow" }).click();

  await expect(page).toHaveURL(/\/integrations\?connected=hubspot&result=restored$/);
  await expect(result(page)).toContainText("HubSpot is reconnected");
  await expect(hubspot).toContainText("Connected");
  await expect(hubspot).not.toContainText("Reconnect by");
  await page.screenshot({ path: "test-results/oauth-reconnected.png", fullPage: true });
  await expectStoredTokensEncrypted("hubspot");
  expect(integrationRow("hubspot")).toMatchObject({
    status: "connected",
    reauth_deadline_at: null,
    external_account_id: "demo-acme-hubspot",
  });

  await openMail(page, /^HubSpot reconnected — syncing again$/);

  await page.goto("/integrations/hubspot/settings/communication");
  const direction = page.getByRole("group", { name: /^Disposition sync direction/ });
  await expect(direction.getByLabel("HubSpot → Switchboard", { exact: true })).toBeChecked();
  await expect(direction.getByLabel("Both ways", { exact: true })).not.toBeChecked();
});

test("Connect Zoho from disconnected in the EU data centre", async ({ page }) => {
  await signIn(page, "admin@acme.test");
  await page.goto("/integrations");
  const zoho = card(page, "Zoho CRM");
  await expect(zoho).toContainText("Not connected");
  await expect(zoho.getByText("No Zoho CRM credentials are configured: this uses the built-in sandbox.")).toBeVisible();

  await zoho.getByRole("button", { name: "Connect Zoho CRM" }).click();
  await expect(zoho.getByText("Choose the data centre your Zoho account is in.")).toBeVisible();
  await expect(page).toHaveURL(/\/integrations$/);

  await zoho.getByLabel("Zoho data centre").selectOption({ label: "Europe (zoho.eu)" });
  await zoho.getByRole("button", { name: "Connect Zoho CRM" }).click();
  await expect(page).toHaveURL(/\/oauth-sandbox\/zoho\/authorize\?/);
  const authorizeUrl = new URL(page.url());
  expect(authorizeUrl.searchParams.get("dc")).toBe("eu");
  expect(authorizeUrl.searchParams.get("access_type")).toBe("offline");
  expect(authorizeUrl.searchParams.get("code_challenge_method")).toBe("S256");
  await expect(page.getByTestId("sandbox-data-center")).toHaveText("Europe (zoho.eu)");
  await page.getByRole("button", { name: "Allow" }).click();

  await expect(result(page)).toContainText("Zoho CRM is connected");
  await expect(zoho).toContainText("Connected");
  await expect(zoho).toContainText("demo-acme-zoho");
  expect(integrationRow("zoho")).toMatchObject({
    status: "connected",
    zoho_data_center: "eu",
    external_account_id: "demo-acme-zoho",
  });
  await expectStoredTokensEncrypted("zoho");
  await openMail(page, /^Zoho CRM integration enabled$/);
});

test("Deny, a tampered state and a replayed code change nothing and send no email", async ({ page }) => {
  await signIn(page, "admin@acme.test");
  const zoho = card(page, "Zoho CRM");
  const startZoho = async () => {
    await page.goto("/integrations");
    await zoho.getByLabel("Zoho data centre").selectOption("eu");
    await zoho.getByRole("button", { name: /^(Connect|Re-authorize) Zoho CRM$/ }).click();
    await expect(page).toHaveURL(/\/oauth-sandbox\/zoho\/authorize\?/);
  };

  await startZoho();
  await page.getByRole("button", { name: "Deny" }).click();
  await expect(result(page)).toContainText("Access to Zoho CRM was denied");
  await expect(zoho).toContainText("Not connected");

  await startZoho();
  const tampered = new URL(page.url());
  tampered.searchParams.set("state", `${tampered.searchParams.get("state")}x`);
  await page.goto(tampered.toString());
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(result(page)).toContainText("This Zoho CRM authorization can't be verified");
  await expect(zoho).toContainText("Not connected");
  expect(integrationRow("zoho")).toMatchObject({ status: "disconnected", access_token_enc: null });
  expect((await mailSubjects(page)).filter((s) => s.includes("Zoho"))).toEqual([]);

  // a successful connect, then its callback replayed, then its code replayed under a fresh state
  await startZoho();
  const callback = page.waitForRequest((r) => r.url().includes("/api/integrations/zoho/callback"));
  await page.getByRole("button", { name: "Allow" }).click();
  const used = new URL((await callback).url());
  await expect(result(page)).toContainText("Zoho CRM is connected");
  const connected = integrationRow("zoho");

  await page.goto(used.toString());
  await expect(result(page)).toContainText("This Zoho CRM authorization was already used");

  await page.goto("/integrations");
  await zoho.getByRole("button", { name: "Re-authorize Zoho CRM" }).click();
  await expect(page).toHaveURL(/\/oauth-sandbox\/zoho\/authorize\?/);
  const fresh = new URL(page.url()).searchParams.get("state")!;
  await page.goto(`/api/integrations/zoho/callback?code=${used.searchParams.get("code")}&state=${fresh}&location=eu`);
  await expect(result(page)).toContainText("Zoho CRM rejected the authorization code");
  expect(integrationRow("zoho")).toEqual(connected);
  await expect(async () => {
    expect((await mailSubjects(page)).filter((s) => s.includes("Zoho"))).toEqual(["Zoho CRM integration enabled"]);
  }).toPass({ timeout: 20_000 });
});

test("an integration disabled for an auth reason offers Reconnect instead of Enable, and Reconnect re-enables it", async ({ page }) => {
  expect((await postEvent(E2E_BASE_URL, { secret: EVENTS_SECRET, body: fixtureNow("disabled-hubspot-uninstalled") })).status).toBe(202);
  await signIn(page, "admin@acme.test");
  await page.goto("/integrations");
  const hubspot = card(page, "HubSpot");
  await expect(hubspot).toContainText("Disabled");
  await expect(hubspot.getByRole("button", { name: "Enable HubSpot" })).toHaveCount(0);
  await hubspot.getByRole("button", { name: "Reconnect HubSpot" }).click();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page).toHaveURL(/\/integrations\?connected=hubspot&result=reenabled$/);
  await expect(result(page)).toContainText("HubSpot is reconnected");
  await expect(hubspot).toContainText("Connected");
  expect(await page.content()).not.toContain("sbx_"); // tokens are never rendered
  await openMail(page, /^HubSpot integration enabled$/);
});

test("a reconnect to a different CRM account is refused and changes nothing", async ({ page }) => {
  const event = fixtureNow("reauth-hubspot-token-revoked");
  event.data.deadline = new Date(Date.now() + 72 * 3600_000).toISOString();
  expect((await postEvent(E2E_BASE_URL, { secret: EVENTS_SECRET, body: event })).status).toBe(202);
  await signIn(page, "admin@acme.test");
  await page.goto("/integrations?reconnect=hubspot");
  await card(page, "HubSpot").getByRole("button", { name: "Reconnect HubSpot" }).click();
  await page.getByLabel(/A different account/).check();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(result(page)).toContainText("That is a different HubSpot account");
  await expect(result(page)).toContainText("connected to HubSpot account demo-acme-hubspot");
  await expect(card(page, "HubSpot")).toContainText("Needs re-authentication");
  expect(integrationRow("hubspot")).toMatchObject({ status: "needs_reauth", access_token_enc: null });
  const subjects = await mailSubjects(page);
  expect(subjects.filter((s) => s.startsWith("Action required: HubSpot"))).toHaveLength(1); // the alert that did go out
  expect(subjects.filter((s) => s.startsWith("HubSpot reconnected"))).toEqual([]);
});

test("only company admins can start; another company's or session's state is refused", async ({ page, browser }) => {
  for (const email of ["supervisor@acme.test", "billing@acme.test"]) {
    const other = await signedInPage(browser, email);
    await other.goto("/integrations");
    await expect(card(other, "Zoho CRM")).toContainText("Not connected");
    await expect(other.getByRole("button", { name: /^(Connect|Reconnect|Re-authorize) / })).toHaveCount(0);
    const res = await other.request.post("/api/integrations/zoho/authorize", { form: { zohoDataCenter: "eu" }, maxRedirects: 0 });
    expect(res.status()).toBe(403);
    expect(await res.json()).toEqual({ error: "Only company admins can connect, disable or change integrations." });
    await other.context().close();
  }
  const anonymous = await page.request.post("/api/integrations/zoho/authorize", {
    form: { zohoDataCenter: "eu" },
    maxRedirects: 0,
  });
  expect(anonymous.status()).toBe(401);

  await signIn(page, "admin@acme.test");
  const started = await page.request.post("/api/integrations/zoho/authorize", {
    form: { zohoDataCenter: "eu" },
    maxRedirects: 0,
  });
  expect(started.status()).toBe(303);
  const consent = new URL(started.headers().location);
  expect(consent.pathname).toBe("/oauth-sandbox/zoho/authorize");
  const state = consent.searchParams.get("state")!;

  const globex = await signedInPage(browser, "admin@globex.test");
  await globex.goto(`/api/integrations/zoho/callback?code=forged&state=${state}`);
  await expect(result(globex)).toContainText("This Zoho CRM authorization can't be verified");
  await globex.context().close();

  const secondSession = await signedInPage(browser, "admin@acme.test");
  await secondSession.goto(`/api/integrations/zoho/callback?code=forged&state=${state}`);
  await expect(result(secondSession)).toContainText("This Zoho CRM authorization can't be verified");
  await secondSession.context().close();

  // neither consumed it: the admin who started it still completes it
  await page.goto(consent.pathname + consent.search);
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(result(page)).toContainText("Zoho CRM is connected");
});

test("the sandbox token endpoint checks the client like a real server", async ({ request }) => {
  const res = await request.post("/api/oauth-sandbox/hubspot/token", {
    form: { grant_type: "authorization_code", code: "nope", client_id: "switchboard-sandbox-hubspot", client_secret: "wrong" },
  });
  expect(res.status()).toBe(401);
  expect(await res.json()).toMatchObject({ error: "invalid_client" });
  const zoho = await request.post("/api/oauth-sandbox/zoho/token", { form: { grant_type: "authorization_code" } });
  expect(zoho.status()).toBe(200); // Zoho's quirk: errors with HTTP 200
  expect(await zoho.json()).toEqual({ error: "invalid_client" });
});
