import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { resetDatabase, signIn } from "../fixtures/session";

/*
 * Server actions are public POST endpoints: whatever the UI hides, a request
 * can carry any id and any claimed role. One admin's captured Report settings
 * save is replayed by every other role and by another company's admin, with
 * forged user ids, company ids and roles added to the form — all refused, and
 * nothing changes.
 */

const PATH = "/account/report-settings";
type Captured = { headers: Record<string, string>; body: Buffer };

test.beforeEach(async ({ request }) => resetDatabase(request));

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  await page.goto(PATH);
  return page;
}

/** The Save the admin's page sends, held back from the server. */
async function captureSave(page: Page): Promise<Captured> {
  const captured = new Promise<Captured>((resolve) => {
    void page.route(`**${PATH}`, async (route) => {
      const req = route.request();
      if (req.method() !== "POST" || !req.headers()["next-action"]) return route.continue();
      resolve({ headers: await req.allHeaders(), body: req.postDataBuffer() ?? Buffer.alloc(0) });
      await route.abort();
    });
  });
  await page.getByRole("button", { name: "Save changes" }).click();
  return captured;
}

/** Replays the save with `request`'s cookies; extra fields go in front, named like the form's own. */
async function replay(request: APIRequestContext, save: Captured, fields: [string, string][]) {
  const boundary = /boundary=(.+)$/.exec(save.headers["content-type"])![1];
  const raw = save.body.toString("utf8");
  const prefix = /name="([^"]*)timeZone"/.exec(raw)![1];
  const parts = fields
    .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${prefix}${name}"\r\n\r\n${value}\r\n`)
    .join("");
  const headers: Record<string, string> = {
    "next-action": save.headers["next-action"],
    "next-router-state-tree": save.headers["next-router-state-tree"],
    "content-type": save.headers["content-type"],
    accept: "text/x-component",
    ...(save.headers.origin ? { origin: save.headers.origin } : {}),
  };
  const res = await request.post(PATH, { headers, data: Buffer.from(parts + raw, "utf8"), maxRedirects: 0 });
  return { status: res.status(), text: await res.text() };
}

const FORGED_IDENTITY: [string, string][] = [
  ["role", "company_admin"],
  ["userId", "usr_acme_admin"],
  ["viewer", '{"role":"company_admin","companyId":"acme"}'],
  ["companyId", "acme"],
];

test("forged ids and roles on a captured server action: every other role and company is refused, nothing changes", async ({ browser }) => {
  const admin = await signedIn(browser, "admin@acme.test");
  await admin.getByLabel("Escalation email address").fill("forged@acme.test");
  const save = await captureSave(admin);
  await admin.unrouteAll();

  for (const email of ["agent@acme.test", "supervisor@acme.test"]) {
    const other = await signedIn(browser, email);
    for (const forged of [[], FORGED_IDENTITY, [...FORGED_IDENTITY, ["additionalUserIds", "usr_acme_agent"]]] as [string, string][][]) {
      const res = await replay(other.request, save, forged);
      expect(res.status, `${email} replay`).toBeLessThan(500);
      expect(res.text).toContain("Only company admins and billing admins can change Report settings.");
      expect(res.text).not.toContain("Report settings saved");
    }
    await other.context().close();
  }

  // another company's admin: Acme's people cannot be added, Acme's settings cannot be reached
  const globex = await signedIn(browser, "admin@globex.test");
  for (const id of ["usr_acme_agent", "usr_acme_admin", "usr_former_acme", "' OR 1=1 --", "__proto__"]) {
    const res = await replay(globex.request, save, [...FORGED_IDENTITY, ["additionalUserIds", id]]);
    expect(res.status).toBeLessThan(500);
    expect(res.text).not.toContain("Report settings saved");
  }
  await globex.goto(PATH);
  await expect(globex.getByRole("main")).not.toContainText("acme.test");
  await globex.context().close();

  // a signed-out request is refused too
  const anonymous = await replay((await browser.newContext()).request, save, FORGED_IDENTITY);
  expect(anonymous.text).not.toContain("Report settings saved");

  // nothing reached Acme's settings
  await admin.goto(PATH);
  await expect(admin.getByLabel("Escalation email address")).not.toHaveValue("forged@acme.test");
  await expect(admin.getByRole("region", { name: "Recent changes" })).toContainText("No changes yet");
  // and the captured request itself was sound: the admin's own replay goes through
  const own = await replay(admin.request, save, []);
  expect(own.text).toContain("Report settings saved.");
  await admin.reload();
  await expect(admin.getByLabel("Escalation email address")).toHaveValue("forged@acme.test");
});
