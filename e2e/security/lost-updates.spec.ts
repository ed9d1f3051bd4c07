import { expect, test, type Browser, type Page } from "@playwright/test";
import { resetDatabase, signIn } from "../fixtures/session";
import { captureAction, replayAction, tamper } from "../fixtures/server-action";

/*
 * Lost updates (docs/security/lost-updates.md): two people edit the same
 * settings from pages loaded before either saved. The second Save must not
 * silently undo the first: it saves nothing, says who changed what and when,
 * keeps the second person's edits, and lets them go on from the saved version.
 */

test.beforeEach(async ({ request }) => resetDatabase(request));

const REPORTS = "/account/report-settings";
const digestField = (page: Page) => page.getByLabel("Mapping errors digest window");
const syncRadio = (page: Page, label: string) => page.getByRole("radio", { name: new RegExp(`^${label}`) });
const recentChanges = (page: Page) => page.getByRole("region", { name: "Recent changes" });
const conflict = (page: Page) => page.getByRole("alert").filter({ hasText: "changed these settings" });
const theirChange = (page: Page) => conflict(page).getByRole("table", { name: "Their change" });

async function open(browser: Browser, email: string, path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  await page.goto(path);
  return page;
}

test("Report settings: a save from a stale page saves nothing, names who changed what, and keeps the edits", async ({ browser }) => {
  const a = await open(browser, "admin@acme.test", REPORTS);
  const b = await open(browser, "billing@acme.test", REPORTS);
  await expect(digestField(b)).toHaveValue("15");

  await digestField(a).fill("30");
  await a.getByRole("button", { name: "Save changes" }).click();
  await expect(a.getByRole("status").filter({ hasText: "Report settings saved." })).toBeVisible();

  await syncRadio(b, "Off").check();
  await b.getByRole("button", { name: "Save changes" }).click();
  await expect(conflict(b)).toContainText(
    /Ada Admin \(admin@acme\.test\) changed these settings at \w{3} \d{1,2}, \d{1,2}:\d{2} [AP]M E[DS]T/,
  );
  await expect(conflict(b)).toContainText("Nothing of yours was saved");
  const digestRow = theirChange(b).getByRole("row", { name: /Mapping errors digest/ });
  await expect(digestRow).toContainText("15 minutes");
  await expect(digestRow).toContainText("30 minutes");
  await expect(theirChange(b).getByRole("row")).toHaveCount(2); // header + the one field they changed
  await expect(b.getByRole("status").filter({ hasText: "Report settings saved" })).toHaveCount(0);
  // B's edit is still in the form
  await expect(syncRadio(b, "Off")).toBeChecked();
  await expect(digestField(b)).toHaveValue("15");

  // nothing of B's was saved: a fresh page shows A's 30 and not B's "Off"; A's row is the last one
  const check = await b.context().newPage();
  await check.goto(REPORTS);
  await expect(digestField(check)).toHaveValue("30");
  await expect(syncRadio(check, "Always")).toBeChecked();
  await expect(recentChanges(check).getByRole("listitem")).toHaveCount(1);
  await expect(recentChanges(check).getByRole("listitem").first()).toContainText("Ada Admin (admin@acme.test)");

  // the way forward: keep B's edit on top of A's version, review, save
  await conflict(b).getByRole("button", { name: "Keep my edits on top" }).click();
  await expect(conflict(b)).toHaveCount(0);
  await expect(digestField(b)).toHaveValue("30");
  await expect(syncRadio(b, "Off")).toBeChecked();
  await b.getByRole("button", { name: "Save changes" }).click();
  await expect(b.getByRole("status").filter({ hasText: "Report settings saved." })).toBeVisible();
  await check.reload();
  await expect(digestField(check)).toHaveValue("30");
  await expect(syncRadio(check, "Off")).toBeChecked();
  await expect(recentChanges(check).getByRole("listitem").first()).toContainText("Bill Ledger (billing@acme.test)");
  await expect(recentChanges(check).getByRole("listitem").first()).toContainText(/Data-sync reports\s*Always.*Off/);
  await expect(recentChanges(check).getByRole("listitem").first()).not.toContainText("minutes");

  // "Load their version" takes the saved values and drops the edits
  await digestField(a).fill("45");
  await a.getByRole("button", { name: "Save changes" }).click();
  await expect(conflict(a)).toContainText("Bill Ledger (billing@acme.test) changed these settings");
  await conflict(a).getByRole("button", { name: "Load their version" }).click();
  await expect(digestField(a)).toHaveValue("30");
  await expect(syncRadio(a, "Off")).toBeChecked();
  await expect(a.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible();
});

test("Report settings: a save without a version, or with a forged one, is refused with a clear message", async ({ browser }) => {
  const a = await open(browser, "admin@acme.test", REPORTS);
  await digestField(a).fill("60");
  const save = await captureAction(a, () => a.getByRole("button", { name: "Save changes" }).click());
  await expect(a.getByRole("status").filter({ hasText: "Report settings saved." })).toBeVisible();
  const body = save.body.toString("utf8");
  const version = /name="([^"]*)version"\r\n\r\n(\d+)\r\n/;
  for (const [tampered, message] of [
    [tamper(body, version, 'name="$1note"\r\n\r\n$2\r\n'), "didn't say which version"],
    [tamper(body, version, 'name="$1version"\r\n\r\nlatest\r\n'), "isn't one Switchboard gave out"],
    [tamper(body, version, 'name="$1version"\r\n\r\n999999\r\n'), "isn't one Switchboard gave out"],
    [body, "You changed these settings in another tab or window"], // a replay of the save that went through is stale now
  ] as const) {
    const res = await replayAction(a, save, tamper(tampered, "\r\n60\r\n", "\r\n90\r\n"));
    expect(res.status).toBeLessThan(500);
    expect(res.text).toContain(message);
    expect(res.text).not.toContain("Report settings saved");
  }
  await a.reload();
  await expect(digestField(a)).toHaveValue("60");
});

test("Settings wizard: a Save from a stale wizard saves nothing and shows what the other Save changed", async ({ browser }) => {
  const path = "/integrations/hubspot/settings/communication";
  const first = await open(browser, "admin@acme.test", path);
  const second = await open(browser, "admin@acme.test", path);
  await expect(second.getByLabel("Log SMS")).toBeChecked();

  await first.getByLabel("Log SMS").uncheck();
  await first.getByRole("button", { name: "Save", exact: true }).click();
  await expect(first.getByText("HubSpot settings saved.")).toBeVisible();

  await second.getByLabel("Create a task for missed calls").check();
  await second.getByRole("button", { name: "Save", exact: true }).click();
  await expect(conflict(second)).toContainText(
    /You changed these settings in another tab or window at \w{3} \d{1,2}, \d{1,2}:\d{2} [AP]M E[DS]T/,
  );
  const row = theirChange(second).getByRole("row", { name: /Communication › Log SMS/ });
  await expect(row).toContainText("On");
  await expect(row).toContainText("Off");
  await expect(theirChange(second).getByRole("row")).toHaveCount(2);
  await expect(second.getByText("HubSpot settings saved.")).toHaveCount(0);
  await expect(second.getByLabel("Create a task for missed calls")).toBeChecked(); // the edit is kept

  const check = await second.context().newPage();
  await check.goto(path);
  await expect(check.getByLabel("Log SMS")).not.toBeChecked();
  await expect(check.getByLabel("Create a task for missed calls")).not.toBeChecked();

  // keep the edit on their version, then Save: both changes stand
  await conflict(second).getByRole("button", { name: "Keep my edits on top" }).click();
  await expect(second.getByLabel("Log SMS")).not.toBeChecked();
  await expect(second.getByLabel("Create a task for missed calls")).toBeChecked();
  await second.getByRole("button", { name: "Save", exact: true }).click();
  await expect(second.getByText("HubSpot settings saved.")).toBeVisible();
  await check.reload();
  await expect(check.getByLabel("Log SMS")).not.toBeChecked();
  await expect(check.getByLabel("Create a task for missed calls")).toBeChecked();

  // the first wizard is stale now; "Load that version" gives it the saved settings
  await first.getByLabel("Log calls").uncheck();
  await first.getByRole("button", { name: "Save", exact: true }).click();
  await expect(conflict(first)).toContainText("You changed these settings in another tab or window");
  await conflict(first).getByRole("button", { name: "Load that version" }).click();
  await expect(first.getByLabel("Log calls")).toBeChecked();
  await expect(first.getByLabel("Create a task for missed calls")).toBeChecked();
  await expect(first.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible();
});
