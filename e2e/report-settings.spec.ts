import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { resetDatabase, signIn } from "./fixtures/session";

/*
 * Report settings (docs/product R4–R10, R38): editing, saving, validation, the live
 * recipient preview, the audit trail, read-only supervisors and tenant
 * isolation, including forged server-action posts.
 */

const PATH = "/account/report-settings";
const DEFAULT_BCC = "escalations@switchboard.local";

test.beforeEach(async ({ request }) => resetDatabase(request));

const roleBox = (page: Page, label: string) => page.getByRole("checkbox", { name: new RegExp(`^${label}`) });
const syncRadio = (page: Page, label: string) => page.getByRole("radio", { name: new RegExp(`^${label}`) });
const bccField = (page: Page) => page.getByLabel("Escalation email address");
const digestField = (page: Page) => page.getByLabel("Mapping errors digest window");
const timeZoneField = (page: Page) => page.getByLabel("Time zone", { exact: true });
const resolved = (page: Page) => page.getByTestId("resolved-recipients");
const listedPeople = (page: Page) => page.getByRole("list", { name: /Listed people/ });
const recentChanges = (page: Page) => page.getByRole("region", { name: "Recent changes" });
const saveButton = (page: Page) => page.getByRole("button", { name: "Save changes" });
const savedStatus = (page: Page) => page.getByRole("status").filter({ hasText: "Report settings saved" });

async function openSettings(page: Page, email: string) {
  await signIn(page, email);
  await page.goto(PATH);
  await expect(page.getByRole("heading", { name: "System reports recipients" })).toBeVisible();
}

async function save(page: Page) {
  await saveButton(page).click();
  await expect(savedStatus(page)).toBeVisible();
}

async function expectUnchangedDefaults(page: Page) {
  await page.goto(PATH);
  await expect(roleBox(page, "Company admins")).toBeChecked();
  await expect(roleBox(page, "Billing admins")).not.toBeChecked();
  await expect(roleBox(page, "Company supervisors")).not.toBeChecked();
  await expect(page.getByText("Nobody is listed.")).toBeVisible();
  await expect(bccField(page)).toHaveValue(DEFAULT_BCC);
  await expect(syncRadio(page, "Always")).toBeChecked();
  await expect(digestField(page)).toHaveValue("15");
  await expect(recentChanges(page)).toContainText("No changes yet");
}

type CapturedSave = { headers: Record<string, string>; body: Buffer };

/** Clicks Save and captures the server-action request without letting it reach the server. */
async function captureSave(page: Page): Promise<CapturedSave> {
  const captured = new Promise<CapturedSave>((resolve) => {
    void page.route(`**${PATH}`, async (route) => {
      const req = route.request();
      if (req.method() !== "POST" || !req.headers()["next-action"]) return route.continue();
      resolve({ headers: await req.allHeaders(), body: req.postDataBuffer() ?? Buffer.alloc(0) });
      await route.abort();
    });
  });
  await saveButton(page).click();
  return captured;
}

/** Replays a captured save, optionally with extra form fields, with the cookies of `request`. */
async function replay(request: APIRequestContext, save: CapturedSave, extraFields: [string, string][] = []) {
  const headers: Record<string, string> = {
    "next-action": save.headers["next-action"],
    "next-router-state-tree": save.headers["next-router-state-tree"],
    "content-type": save.headers["content-type"],
    accept: "text/x-component",
  };
  if (save.headers.origin) headers.origin = save.headers.origin;
  const res = await request.post(PATH, { headers, data: withFields(save, extraFields) });
  return { status: res.status(), text: await res.text() };
}

/** Adds fields to the captured multipart body, named like the form's own (React prefixes them, e.g. "_1_"). */
function withFields(save: CapturedSave, fields: [string, string][]): Buffer {
  const boundary = /boundary=(.+)$/.exec(save.headers["content-type"])?.[1];
  const raw = save.body.toString("utf8");
  const prefix = /name="([^"]*)timeZone"/.exec(raw)?.[1];
  expect(boundary && prefix !== undefined, "the captured save is a multipart form with the settings fields").toBeTruthy();
  // in front: the server resolves the form's fields as soon as the action's argument list ("0", sent last) arrives
  const parts = fields
    .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${prefix}${name}"\r\n\r\n${value}\r\n`)
    .join("");
  return Buffer.from(parts + raw, "utf8");
}

test("a company admin changes every setting, sees the effect before saving, and finds it saved and audited", async ({ page }) => {
  await openSettings(page, "admin@acme.test");
  await expect(resolved(page)).toContainText("This 1 person receives integration reports");
  await expect(resolved(page)).toContainText("admin@acme.test");
  await expect(resolved(page)).not.toContainText("former@acme.test");
  await expect(page.getByText("Default in use")).toBeVisible();

  await roleBox(page, "Billing admins").check();
  await expect(resolved(page)).toContainText("These 2 people receive integration reports");
  await expect(resolved(page)).toContainText("Preview · not saved yet");

  await page.getByLabel("Add people").fill("aggie");
  await expect(page.getByRole("list", { name: "People you can add" }).getByRole("listitem")).toHaveCount(1);
  await page.getByRole("button", { name: "Add Aggie Agent" }).click();
  await expect(listedPeople(page)).toContainText("agent@acme.test");
  await expect(resolved(page)).toContainText("These 3 people receive integration reports");
  await expect(page.getByRole("button", { name: "Add Fred Former" })).toHaveCount(0);

  await bccField(page).fill("ops@acme.test");
  await expect(page.getByText("Custom address")).toBeVisible();
  await syncRadio(page, "Only with failures").check();
  await digestField(page).fill("30");
  await timeZoneField(page).selectOption("Europe/London");
  await save(page);

  await page.reload();
  await expect(roleBox(page, "Company admins")).toBeChecked();
  await expect(roleBox(page, "Billing admins")).toBeChecked();
  await expect(roleBox(page, "Company supervisors")).not.toBeChecked();
  await expect(listedPeople(page)).toContainText("Aggie Agent");
  await expect(bccField(page)).toHaveValue("ops@acme.test");
  await expect(syncRadio(page, "Only with failures")).toBeChecked();
  await expect(digestField(page)).toHaveValue("30");
  await expect(timeZoneField(page)).toHaveValue("Europe/London");

  const people = resolved(page).getByRole("list", { name: "Resolved recipients" });
  await expect(resolved(page)).toContainText("These 3 people receive integration reports");
  await expect(resolved(page)).toContainText("In effect now");
  await expect(people.getByRole("listitem")).toHaveCount(3);
  for (const email of ["admin@acme.test", "billing@acme.test", "agent@acme.test"]) await expect(people).toContainText(email);
  await expect(resolved(page)).not.toContainText("former@acme.test");
  await expect(resolved(page)).toContainText("BCC to ops@acme.test");

  const entry = recentChanges(page).getByRole("listitem").first();
  await expect(recentChanges(page)).toContainText("Times are in the company time zone (Europe/London)");
  await expect(entry).toContainText("Ada Admin (admin@acme.test) changed the settings");
  await expect(entry).toContainText(/Roles\s*Company admins\s*→?\s*changed to\s*Company admins, Billing admins/);
  await expect(entry).toContainText("Aggie Agent (agent@acme.test)");
  await expect(entry).toContainText(`Default (${DEFAULT_BCC})`);
  await expect(entry).toContainText("ops@acme.test");
  await expect(entry).toContainText(/Always.*Only with failures/);
  await expect(entry).toContainText(/15 minutes.*30 minutes/);
  await expect(entry).toContainText(/America\/New_York.*Europe\/London/);
});

test("a billing admin changes every setting, and clearing the BCC returns to the default", async ({ page }) => {
  await openSettings(page, "billing@acme.test");
  await roleBox(page, "Company admins").uncheck();
  await roleBox(page, "Company supervisors").check();
  await page.getByRole("button", { name: "Add Bill Ledger" }).click();
  await bccField(page).fill("escalate@acme.test");
  await syncRadio(page, "Off").check();
  await digestField(page).fill("0");
  await timeZoneField(page).selectOption("Asia/Tokyo");
  await save(page);

  await page.reload();
  await expect(roleBox(page, "Company admins")).not.toBeChecked();
  await expect(roleBox(page, "Company supervisors")).toBeChecked();
  await expect(listedPeople(page)).toContainText("billing@acme.test");
  await expect(bccField(page)).toHaveValue("escalate@acme.test");
  await expect(syncRadio(page, "Off")).toBeChecked();
  await expect(digestField(page)).toHaveValue("0");
  await expect(timeZoneField(page)).toHaveValue("Asia/Tokyo");
  await expect(resolved(page)).toContainText("These 2 people receive integration reports");
  await expect(resolved(page)).not.toContainText("admin@acme.test");
  await expect(recentChanges(page).getByRole("listitem").first()).toContainText("Bill Ledger (billing@acme.test)");
  await expect(recentChanges(page).getByRole("listitem").first()).toContainText(/15 minutes.*Immediately/);

  await bccField(page).fill("");
  await expect(page.getByText("Default in use")).toBeVisible();
  await save(page);
  await page.reload();
  await expect(bccField(page)).toHaveValue(DEFAULT_BCC);
  await expect(page.getByText("Default in use")).toBeVisible();
  await expect(recentChanges(page).getByRole("listitem")).toHaveCount(2);
  await expect(recentChanges(page).getByRole("listitem").first()).toContainText(`Default (${DEFAULT_BCC})`);
});

test("when nobody resolves, the page says reports go to the escalation address", async ({ page }) => {
  await openSettings(page, "admin@acme.test");
  await roleBox(page, "Company admins").uncheck();
  await expect(resolved(page)).toContainText("Nobody is set to receive integration reports");
  await expect(resolved(page)).not.toContainText("These 0 people");
  await expect(resolved(page)).toContainText(`Reports go to the escalation address ${DEFAULT_BCC}`);
  await expect(resolved(page)).toContainText("flagged “no recipients”");
  await save(page);
  await page.reload();
  await expect(resolved(page)).toContainText("Nobody is set to receive integration reports");
  await expect(resolved(page)).toContainText("In effect now");
});

test("invalid input is answered next to the field and nothing is saved", async ({ page }) => {
  await openSettings(page, "admin@acme.test");
  await roleBox(page, "Billing admins").check(); // a valid change that must not be saved either

  await bccField(page).fill("not-an-email");
  await saveButton(page).click();
  await expect(bccField(page)).toHaveAccessibleDescription(/valid email address/);
  await expect(bccField(page)).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("status").filter({ hasText: "Nothing was saved" })).toBeVisible();

  await bccField(page).fill("ops@acme.test");
  await expect(bccField(page)).not.toHaveAttribute("aria-invalid", "true");
  for (const [value, message] of [
    ["-5", /can't be negative/],
    ["abc", /whole number of minutes/],
  ] as const) {
    await digestField(page).fill(value);
    await saveButton(page).click();
    await expect(digestField(page)).toHaveAccessibleDescription(message);
    await expect(digestField(page)).toHaveAttribute("aria-invalid", "true");
    await expect(savedStatus(page)).toHaveCount(0);
  }

  await expectUnchangedDefaults(page);
});

test("a supervisor sees the page read-only, and a replayed save is refused", async ({ browser }) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await openSettings(admin, "admin@acme.test");
  await roleBox(admin, "Billing admins").check();
  await bccField(admin).fill("hijack@acme.test");
  const captured = await captureSave(admin);

  const supervisorContext = await browser.newContext();
  const supervisor = await supervisorContext.newPage();
  await openSettings(supervisor, "supervisor@acme.test");
  await expect(supervisor.getByText("View only")).toBeVisible();
  await expect(supervisor.getByText(/Only company admins and billing admins can change/)).toBeVisible();
  await expect(saveButton(supervisor)).toHaveCount(0);
  await expect(roleBox(supervisor, "Company admins")).toBeDisabled();
  await expect(roleBox(supervisor, "Billing admins")).toBeDisabled();
  await expect(bccField(supervisor)).toBeDisabled();
  await expect(digestField(supervisor)).toBeDisabled();
  await expect(timeZoneField(supervisor)).toBeDisabled();
  await expect(syncRadio(supervisor, "Off")).toBeDisabled();
  await expect(supervisor.getByLabel("Add people")).toHaveCount(0);
  await expect(resolved(supervisor)).toContainText("This 1 person receives integration reports");

  const refused = await replay(supervisor.request, captured);
  expect(refused.text).toContain("Only company admins and billing admins can change Report settings.");
  expect(refused.text).not.toContain("Report settings saved");
  await expectUnchangedDefaults(supervisor);

  // the same request from an admin goes through: the refusal was the role, not a broken replay
  const accepted = await replay(admin.request, captured);
  expect(accepted.text).toContain("Report settings saved.");
  await supervisor.reload();
  await expect(roleBox(supervisor, "Billing admins")).toBeChecked();
  await expect(bccField(supervisor)).toHaveValue("hijack@acme.test");
  await expect(recentChanges(supervisor).getByRole("listitem")).toHaveCount(1);

  await adminContext.close();
  await supervisorContext.close();
});

test("Globex never sees Acme's people or settings, and cannot add them by forging the form", async ({ browser }) => {
  const globexContext = await browser.newContext();
  const globex = await globexContext.newPage();
  await openSettings(globex, "admin@globex.test");
  await expect(globex.getByTestId("company-name")).toHaveText("Globex");
  const main = globex.getByRole("main");
  for (const acme of ["acme.test", "Ada Admin", "Aggie Agent", "Bill Ledger"]) await expect(main).not.toContainText(acme);
  await expect(globex.getByRole("list", { name: "People you can add" }).getByRole("listitem")).toHaveCount(1);
  await expect(timeZoneField(globex)).toHaveValue("Europe/Berlin");

  await bccField(globex).fill("ops@globex.test");
  const captured = await captureSave(globex);

  const refused = await replay(globex.request, captured, [["additionalUserIds", "usr_acme_agent"]]);
  expect(refused.text).toContain("not users of your company");
  expect(refused.text).not.toContain("Report settings saved");
  await globex.unrouteAll();
  await globex.goto(PATH);
  await expect(bccField(globex)).toHaveValue(DEFAULT_BCC);
  await expect(recentChanges(globex)).toContainText("No changes yet");
  await expect(main).not.toContainText("acme.test");

  // a company id in the form is ignored: the session decides which company is saved
  const accepted = await replay(globex.request, captured, [["companyId", "acme"]]);
  expect(accepted.text).toContain("Report settings saved.");
  await globex.reload();
  await expect(bccField(globex)).toHaveValue("ops@globex.test");
  await expect(recentChanges(globex).getByRole("listitem").first()).toContainText("Gina Globex (admin@globex.test)");
  await globexContext.close();

  const acmeContext = await browser.newContext();
  const acme = await acmeContext.newPage();
  await openSettings(acme, "admin@acme.test");
  await expectUnchangedDefaults(acme);
  await expect(acme.getByRole("main")).not.toContainText("globex");
  await acmeContext.close();
});

test("a deactivated user cannot be added, even by forging the form", async ({ page }) => {
  await openSettings(page, "admin@acme.test");
  await expect(page.getByText("Deactivated · unavailable")).toBeVisible();
  await digestField(page).fill("20");
  const captured = await captureSave(page);
  const refused = await replay(page.request, captured, [["additionalUserIds", "usr_acme_former"]]);
  expect(refused.text).toContain("Fred Former is deactivated and can't receive reports.");
  await page.unrouteAll();
  await expectUnchangedDefaults(page);
});

test("Report settings has no serious or critical accessibility violations", async ({ page }) => {
  const serious = async () =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);

  await openSettings(page, "admin@acme.test");
  expect(await serious()).toEqual([]);
  await bccField(page).fill("not-an-email");
  await digestField(page).fill("abc");
  await saveButton(page).click();
  await expect(digestField(page)).toHaveAttribute("aria-invalid", "true");
  expect(await serious()).toEqual([]);

  await page.getByRole("button", { name: "Sign out" }).click();
  const leave = page.getByRole("dialog", { name: "Leave without saving?" });
  await expect(leave).toBeVisible();
  expect(await serious()).toEqual([]); // the leave guard's dialog
  await leave.getByRole("button", { name: "Leave without saving" }).click();
  await openSettings(page, "supervisor@acme.test");
  expect(await serious()).toEqual([]);
});

/** Console errors and warnings (React's among them) and uncaught errors of a page, from now on. */
function consoleProblems(page: Page): string[] {
  const problems: string[] = [];
  // the favicon is the every-page sweep's concern; this check is about the page's own code
  void page.route("**/favicon.ico", (route) => route.fulfill({ status: 204 }));
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
  return problems;
}

const saveBarStatus = (page: Page) => page.getByTestId("save-bar").getByRole("status").first();

test("unsaved edits: the save bar names them, leaving asks (links, sign-out, Back), Discard drops them, a save is announced", async ({
  page,
}) => {
  const problems = consoleProblems(page);
  await openSettings(page, "admin@acme.test");
  await expect(saveBarStatus(page)).toHaveText("All changes saved");

  // avatars tell apart people with the same initials (Ada Admin, Aggie Agent)
  const avatarOf = (name: string) =>
    page.getByRole("list", { name: "People you can add" }).getByRole("listitem").filter({ hasText: name }).locator("[data-avatar]");
  const ada = await resolved(page).locator("[data-avatar]").first().textContent();
  await page.getByLabel("Add people").fill("a");
  const aggie = await avatarOf("Aggie Agent").textContent();
  expect(ada && aggie && ada !== aggie, `Ada Admin "${ada}" and Aggie Agent "${aggie}" have different avatars`).toBeTruthy();
  await page.getByLabel("Add people").fill("");

  await roleBox(page, "Billing admins").check();
  await expect(saveBarStatus(page)).toHaveText(/Unsaved changes on Recipients/);

  const dialog = page.getByRole("dialog", { name: "Leave without saving?" });
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Integrations" }).click();
  await expect(dialog).toContainText("Your changes to Recipients haven't been saved");
  await dialog.getByRole("button", { name: "Stay on this page" }).click();
  await expect(page).toHaveURL(new RegExp(`${PATH}$`));
  await expect(roleBox(page, "Billing admins")).toBeChecked();

  await page.getByRole("button", { name: "Sign out" }).click();
  await dialog.getByRole("button", { name: "Stay on this page" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

  await page.goBack();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Stay on this page" }).click();
  await expect(page).toHaveURL(new RegExp(`${PATH}$`));
  await expect(roleBox(page, "Billing admins")).toBeChecked();

  // Send test email with edits: it says it goes to the saved recipients and sends nothing until asked
  await page.getByRole("button", { name: "Send test email" }).click();
  const testDialog = page.getByRole("dialog", { name: "Send the test to the saved recipients?" });
  await expect(testDialog).toContainText("goes to the 1 person they resolve to. Your unsaved changes are not used.");
  await testDialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByText(/Test email queued/)).toHaveCount(0);

  await page.getByRole("button", { name: "Discard changes" }).click();
  await expect(roleBox(page, "Billing admins")).not.toBeChecked();
  await expect(saveBarStatus(page)).toHaveText("All changes saved");
  await nav.getByRole("link", { name: "Integrations" }).click(); // nothing unsaved: no question
  await expect(page.getByRole("heading", { name: "Integrations", level: 1 })).toBeVisible();
  await page.goBack();

  await digestField(page).fill("25");
  await saveButton(page).click();
  await expect(saveBarStatus(page)).toHaveText("✓ Report settings saved.");
  await expect(saveBarStatus(page)).toHaveAttribute("aria-live", "polite");
  expect(problems).toEqual([]);
});
