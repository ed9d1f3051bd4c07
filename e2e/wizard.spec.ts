import { expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { resetDatabase, signIn } from "./fixtures/session";
import { addFields, captureAction, dropFields, fieldValue, replayAction, setField } from "./fixtures/server-action";

/*
 * The integration settings wizard (docs/product §3.1, R14–R16): tabs as pages that
 * share one draft, Back / Next / Reset / Save, validation that names tab and
 * field, the leave guard, and the Contact Property Mapping rules.
 */

test.beforeEach(async ({ request }) => resetDatabase(request));

const settings = (tab: string, provider = "hubspot") => `/integrations/${provider}/settings/${tab}`;
const group = (page: Page, name: string) => page.getByRole("group", { name: new RegExp(`^${name}`) });
const footer = (page: Page) => page.getByTestId("save-bar").getByRole("status").first();
const next = (page: Page) => page.getByRole("button", { name: /Next/ });
const back = (page: Page) => page.getByRole("button", { name: /Back/ });
const tabHeading = (page: Page, name: string) => page.getByRole("heading", { level: 2, name, exact: true });

async function reloadAccepting(page: Page) {
  // Unsaved edits make the browser ask first (beforeunload); say "Leave".
  page.once("dialog", (dialog) => dialog.accept());
  await page.reload();
}

test("Back and Next keep every tab's edits; Save persists all tabs at once", async ({ page }) => {
  await signIn(page, "admin@acme.test");
  await page.goto("/integrations/hubspot/settings");
  await expect(page).toHaveURL(/\/integrations\/hubspot\/settings\/sync$/);
  await expect(page.getByRole("link", { name: /Sync/ })).toHaveAttribute("aria-current", "page");
  await expect(back(page)).toBeDisabled();

  await group(page, "Contact creation").getByLabel("Both ways", { exact: true }).check();
  await expect(group(page, "Contact creation")).toContainText("Modified");
  await expect(footer(page)).toHaveText(/Unsaved changes on Sync/);

  await next(page).click();
  await expect(tabHeading(page, "Filters")).toBeVisible();
  await next(page).click();
  await expect(page).toHaveURL(/\/settings\/communication$/);
  await page.getByLabel("Log SMS").uncheck();
  await page.getByLabel("Create a task for missed calls").check();
  await expect(footer(page)).toHaveText(/Unsaved changes on Sync, Communication/);

  await back(page).click();
  await expect(tabHeading(page, "Filters")).toBeVisible();
  await back(page).click();
  await expect(page).toHaveURL(/\/settings\/sync$/);
  await expect(group(page, "Contact creation").getByLabel("Both ways", { exact: true })).toBeChecked();

  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(footer(page)).toHaveText("✓ HubSpot settings saved.");
  await expect(footer(page)).toHaveAttribute("aria-live", "polite");

  // nothing unsaved: leaving doesn't ask, and coming back with the browser shows the saved values
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Integrations" }).click();
  await expect(page.getByRole("heading", { name: "Integrations", level: 1 })).toBeVisible();
  await page.goBack();
  await expect(group(page, "Contact creation").getByLabel("Both ways", { exact: true })).toBeChecked();
  await expect(footer(page)).toHaveText("All changes saved");

  await page.reload();
  await expect(group(page, "Contact creation").getByLabel("Both ways", { exact: true })).toBeChecked();
  await page.getByRole("link", { name: /Contact Property Mapping/ }).click();
  await expect(next(page)).toBeDisabled();
  await page.getByRole("link", { name: /Communication/ }).click();
  await expect(page.getByLabel("Log SMS")).not.toBeChecked();
  await expect(page.getByLabel("Create a task for missed calls")).toBeChecked();
  await expect(page.getByLabel("Log calls")).toBeChecked();
});

test("Reset returns only the current tab to its defaults, and nothing is stored until Save", async ({ page }) => {
  await signIn(page, "admin@acme.test");
  await page.goto(settings("communication"));
  await page.getByLabel("Log voicemails").uncheck();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("HubSpot settings saved.")).toBeVisible();

  await page.getByRole("link", { name: /Sync/ }).click();
  await group(page, "Contact updates").getByLabel("From HubSpot only", { exact: true }).check();
  await page.getByRole("link", { name: /Communication/ }).click();
  await page.getByLabel("Log calls").uncheck();
  await page.getByLabel("Create a task for missed calls").check();

  await page.getByRole("button", { name: "Reset to defaults (Communication tab only)" }).click();
  await expect(page.getByLabel("Log calls")).toBeChecked();
  await expect(page.getByLabel("Log voicemails")).toBeChecked(); // the default, not the saved value
  await expect(page.getByLabel("Create a task for missed calls")).not.toBeChecked();
  await expect(group(page, "Disposition sync direction").getByLabel("HubSpot → Switchboard", { exact: true })).toBeChecked();
  await expect(page.getByText("Log voicemails").locator("..")).toContainText("Modified");
  await expect(footer(page)).toHaveText(/^Communication reset to its defaults — not saved yet\.\s*Undo/);
  await expect(page.getByRole("link", { name: /Sync/ })).toContainText("Modified");

  await page.getByRole("link", { name: /Sync/ }).click();
  await expect(group(page, "Contact updates").getByLabel("From HubSpot only", { exact: true })).toBeChecked();

  await reloadAccepting(page);
  await expect(group(page, "Contact updates").getByLabel("Both ways", { exact: true })).toBeChecked();
  await page.getByRole("link", { name: /Communication/ }).click();
  await expect(page.getByLabel("Log voicemails")).not.toBeChecked();
  await expect(footer(page)).toHaveText("All changes saved");
});

test("Filters: shown for Acme only; a condition without its value is refused naming the tab and field", async ({ page, browser }) => {
  await signIn(page, "admin@acme.test");
  await page.goto(settings("filters"));
  await expect(tabHeading(page, "Filters")).toBeVisible();
  await page.getByRole("button", { name: "Add condition" }).click();
  await page.getByLabel("Condition 1 property").selectOption("lifecyclestage");
  await page.getByLabel("Condition 1 operator").selectOption("equals");

  await page.getByRole("link", { name: /Contact Property Mapping/ }).click();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(/\/settings\/filters$/);
  await expect(page.getByRole("alert").filter({ hasText: "Nothing was saved" })).toContainText(
    "Filters › Condition 1 › Value: Enter a value, or choose “is empty” or “is not empty”.",
  );
  const value = page.getByLabel("Condition 1 value");
  await expect(value).toHaveAttribute("aria-invalid", "true");
  await expect(value).toBeFocused();
  await expect(page.getByRole("link", { name: /Filters/ })).toContainText("1 problem");

  await value.fill("customer, lead");
  await page.getByLabel("Condition 1 operator").selectOption("in_list");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("HubSpot settings saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Condition 1 value")).toHaveValue("customer, lead");

  const globex = await browser.newContext();
  const gpage = await globex.newPage();
  await signIn(gpage, "admin@globex.test");
  await gpage.goto(settings("sync"));
  const steps = gpage.getByRole("navigation", { name: "Settings steps" });
  await expect(steps.getByRole("link")).toHaveText([/Sync/, /Communication/, /Contact Property Mapping/]);
  await gpage.getByRole("button", { name: /Next/ }).click();
  await expect(gpage).toHaveURL(/\/settings\/communication$/);
  expect((await gpage.goto(settings("filters")))?.status()).toBe(404);
  await globex.close();
});

test("unknown providers and tabs are not found", async ({ page }) => {
  await signIn(page, "admin@acme.test");
  expect((await page.goto(settings("sync", "pipedrive")))?.status()).toBe(404);
  expect((await page.goto(settings("billing")))?.status()).toBe(404);
});

test("Mapping: locked email, a CRM property mapped once, custom rows added, saved and removed", async ({ page }) => {
  await signIn(page, "admin@acme.test");
  await page.goto(settings("mapping"));
  const rows = page.getByRole("list", { name: "Mapped properties" }).getByRole("listitem");
  await expect(rows).toHaveCount(6);
  const emailRow = rows.first();
  await expect(emailRow).toContainText("Email");
  await expect(emailRow).toContainText("Locked");
  await expect(emailRow.getByRole("button")).toHaveCount(0);
  await expect(emailRow.getByRole("combobox")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Remove row 1/ })).toHaveCount(0);

  // the same CRM property twice: refused at once, nothing added
  await page.getByLabel("Switchboard field", { exact: true }).selectOption("job_title");
  await page.getByLabel("HubSpot property", { exact: true }).selectOption("firstname");
  await page.getByLabel("Direction", { exact: true }).selectOption("app_to_crm");
  await page.getByRole("button", { name: "Add mapping" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "firstname is already mapped in row 3 (First name)" })).toBeVisible();
  await expect(rows).toHaveCount(6);

  // an incompatible custom property: refused with the types named
  await page.getByLabel("Switchboard field", { exact: true }).selectOption("do_not_call");
  await page.getByLabel("HubSpot property", { exact: true }).selectOption("__custom__");
  await page.getByLabel("Custom property API name").fill("dnc_reason");
  await page.getByLabel("Custom property type").selectOption("text");
  await page.getByRole("button", { name: "Add mapping" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "dnc_reason (text) can't receive Do not call values (yes/no)." })).toBeVisible();
  await expect(rows).toHaveCount(6);

  // a valid custom row
  await page.getByLabel("Switchboard field", { exact: true }).selectOption("job_title");
  await page.getByLabel("HubSpot property", { exact: true }).selectOption("jobtitle");
  await page.getByLabel("Direction", { exact: true }).selectOption("bidirectional");
  await page.getByRole("button", { name: "Add mapping" }).click();
  await expect(rows).toHaveCount(7);
  await expect(rows.nth(6)).toContainText("New");

  // editing it into a duplicate shows the message on the row, and Save refuses it
  await page.getByLabel("HubSpot property, row 7 (Job title)").selectOption("lastname");
  await expect(rows.nth(6)).toContainText("lastname is already mapped in row 4 (Last name)");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Nothing was saved" })).toContainText(
    "Contact Property Mapping › Row 7 (Job title) › CRM property: lastname is already mapped in row 4",
  );
  await page.getByLabel("HubSpot property, row 7 (Job title)").selectOption("jobtitle");
  await expect(page.getByRole("alert").filter({ hasText: "Nothing was saved" })).toHaveCount(0);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("HubSpot settings saved.")).toBeVisible();

  await page.reload();
  await expect(rows).toHaveCount(7);
  await expect(page.getByLabel("HubSpot property, row 7 (Job title)")).toHaveValue("jobtitle");
  await page.getByRole("button", { name: "Remove row 7 (Job title)" }).click();
  await expect(rows).toHaveCount(6);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("HubSpot settings saved.")).toBeVisible();
  await page.reload();
  await expect(rows).toHaveCount(6);
});

test("dispositions never sync Switchboard → CRM alone; the mapping row and the Communication tab agree", async ({ page }) => {
  await signIn(page, "admin@acme.test");
  await page.goto(settings("mapping"));
  const direction = page.getByLabel("Direction, row 6 (Last call disposition)");
  await expect(direction.locator("option")).toHaveText(["HubSpot → Switchboard", "Both ways"]);
  await direction.selectOption("bidirectional");
  await page.getByRole("link", { name: /Communication/ }).click();
  await expect(group(page, "Disposition sync direction").getByLabel("Both ways", { exact: true })).toBeChecked();
  await expect(group(page, "Disposition sync direction").getByRole("radio")).toHaveCount(2);
});

test("Save refuses on the server what the page would never send, and stores nothing", async ({ page }) => {
  await signIn(page, "admin@acme.test");
  await page.goto(settings("sync"));
  await group(page, "Contact creation").getByLabel("Both ways", { exact: true }).check();
  const save = await captureAction(page, () => page.getByRole("button", { name: "Save", exact: true }).click());
  await expect(page.getByText("HubSpot settings saved.")).toBeVisible();
  const body = save.body.toString("utf8");
  // Save posts one field per setting (mapping.rows.3.appField=last_name, …)
  const row = (appField: string) => [...Array(10).keys()].find((i) => fieldValue(body, `mapping.rows.${i}.appField`) === appField)!;
  const lastName = row("last_name");
  expect(fieldValue(body, `mapping.rows.${lastName}.crmProperty`)).toBe("lastname");
  const forged: [string, string][] = [
    [
      setField(body, "communication.dispositionDirection", "app_to_crm"),
      "Communication › Disposition sync direction: Dispositions can't sync from Switchboard to the CRM alone",
    ],
    [
      dropFields(body, `mapping.rows.${row("email")}.`),
      "Contact Property Mapping › Mapped properties: The Email row can't be removed or changed",
    ],
    [
      setField(setField(body, `mapping.rows.${lastName}.appField`, "job_title"), `mapping.rows.${lastName}.crmProperty`, "firstname"),
      "firstname is already mapped in row 3 (First name). A HubSpot property can be mapped only once.",
    ],
    [
      addFields(setField(body, "filters.conditions", "1"), [
        ["filters.conditions.0.property", "email"],
        ["filters.conditions.0.operator", "contains"],
        ["filters.conditions.0.value", "  "],
      ]),
      "Filters › Condition 1 › Value: Enter a value",
    ],
    [setField(body, "sync.objects", "leads"), "Sync › Records to sync: HubSpot syncs contacts only."],
  ];
  for (const [tampered, message] of forged) {
    const result = await replayAction(page, save, tampered);
    expect(result.text).toContain("Nothing was saved.");
    expect(result.text).toContain(message);
  }

  await page.reload();
  await expect(group(page, "Contact creation").getByLabel("Both ways", { exact: true })).toBeChecked();
  await expect(group(page, "Contact updates").getByLabel("Both ways", { exact: true })).toBeChecked();
  await page.getByRole("link", { name: /Contact Property Mapping/ }).click();
  await expect(page.getByRole("list", { name: "Mapped properties" }).getByRole("listitem")).toHaveCount(6);
  await page.getByRole("link", { name: /Filters/ }).click();
  await expect(page.getByText("No conditions: all records sync.")).toBeVisible();
});

test("leaving with unsaved edits asks first; switching tabs does not", async ({ page }) => {
  await signIn(page, "admin@acme.test");
  await page.goto(settings("sync"));
  await page.getByLabel("Sync users by email").uncheck();

  await page.getByRole("link", { name: /Communication/ }).click();
  await expect(tabHeading(page, "Communication")).toBeVisible();
  await expect(page.getByRole("dialog")).toHaveCount(0);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Integrations" }).click();
  const dialog = page.getByRole("dialog", { name: "Leave without saving?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Your changes on Sync haven't been saved");
  await dialog.getByRole("button", { name: "Stay on this page" }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/settings\/communication$/);
  await expect(footer(page)).toHaveText(/Unsaved changes on Sync/);

  // the browser's own navigation asks through beforeunload
  let asked = "";
  page.once("dialog", async (d) => {
    asked = d.type();
    await d.dismiss();
  });
  await page.evaluate(() => window.location.reload());
  await expect.poll(() => asked).toBe("beforeunload");
  await expect(footer(page)).toHaveText(/Unsaved changes on Sync/);

  await page.getByRole("link", { name: "Integrations" }).first().click();
  await dialog.getByRole("button", { name: "Leave without saving" }).click();
  await expect(page).toHaveURL(/\/integrations$/);
  await expect(page.getByRole("heading", { name: "Integrations", level: 1 })).toBeVisible();
});

test("axe: no serious or critical violations on any wizard tab", async ({ page }) => {
  await signIn(page, "admin@acme.test");
  for (const [provider, tab] of [
    ["hubspot", "sync"],
    ["hubspot", "filters"],
    ["hubspot", "communication"],
    ["hubspot", "mapping"],
    ["salesforce", "sync"],
    ["zoho", "sync"],
  ]) {
    await page.goto(settings(tab, provider));
    await expect(page.getByRole("heading", { level: 2 }).first()).toBeVisible();
    if (provider === "zoho") await page.getByRole("button", { name: "Add view" }).click();
    if (tab === "mapping") await page.getByLabel("HubSpot property", { exact: true }).selectOption("__custom__");
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${provider}/${tab}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }
});

test("Sync tab: one order for both directions, Reset can be undone, Discard drops every tab's edits, a clean console", async ({ page }) => {
  const problems: string[] = [];
  await page.route("**/favicon.ico", (route) => route.fulfill({ status: 204 })); // the every-page sweep's concern
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
  await signIn(page, "admin@acme.test");
  await page.goto(settings("sync"));

  const order = (name: string) =>
    group(page, name)
      .getByRole("radio")
      .evaluateAll((els) => els.map((el) => el.getAttribute("value")));
  expect(await order("Contact updates")).toEqual(await order("Contact creation"));

  await group(page, "Contact creation").getByLabel("Both ways", { exact: true }).check();
  await page.getByLabel("Sync users by email").uncheck();
  await page.getByRole("button", { name: "Reset to defaults (Sync tab only)" }).click();
  await expect(group(page, "Contact creation").getByLabel("From HubSpot only", { exact: true })).toBeChecked();
  await expect(footer(page)).toContainText("Sync reset to its defaults");
  await footer(page).getByRole("button", { name: /^Undo/ }).click();
  await expect(group(page, "Contact creation").getByLabel("Both ways", { exact: true })).toBeChecked();
  await expect(page.getByLabel("Sync users by email")).not.toBeChecked();
  await expect(footer(page)).toHaveText(/Unsaved changes on Sync/);

  await page.getByRole("link", { name: /Communication/ }).click();
  await page.getByLabel("Log SMS").uncheck();
  await expect(footer(page)).toHaveText(/Unsaved changes on Sync, Communication/);
  await page.getByRole("button", { name: "Discard changes" }).click();
  await expect(page.getByLabel("Log SMS")).toBeChecked();
  await expect(footer(page)).toHaveText("All changes saved");
  expect(problems).toEqual([]);
});
