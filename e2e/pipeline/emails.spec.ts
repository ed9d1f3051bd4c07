import { expect, test } from "@playwright/test";
import { and, desc, eq, like } from "drizzle-orm";
import { integrations, messages, notifications, reportRecipients, reportSettings, users, type NotificationKind } from "@/db/schema";
import { ResendStandIn, type ReceivedEmail } from "../../lib/testing/resend-stand-in";
import { acmeSupervisors, createAppServer, EVENTS_SECRET, type AppServer } from "./app-server";
import { fixtureNow, postEvent, type EventBody } from "../../lib/testing/events";

/*
 * Each fixture event type, through the built app, out to the Resend
 * stand-in: the right email to the right people (docs/product R6, R10, R21, R28).
 */

let standIn: ResendStandIn;
let app: AppServer;
const ESCALATION = "escalations@switchboard.local";

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  standIn = await ResendStandIn.start();
  app = await createAppServer({ name: "emails", env: { RESEND_BASE_URL: standIn.url, NOTIFICATIONS_BCC: ESCALATION } });
  await app.start();
  // mapping errors go out one by one here (digest windows: e2e/pipeline/digest.spec.ts)
  await app.db().update(reportSettings).set({ mappingDigestMinutes: 0 });
});

/** The id of the newest notification of `kind`. */
async function latest(kind: NotificationKind): Promise<string> {
  const [row] = await app
    .db()
    .select({ id: notifications.id })
    .from(notifications)
    .where(eq(notifications.kind, kind))
    .orderBy(desc(notifications.createdAt))
    .limit(1);
  return row.id;
}

const setRoles = async (roles: ("company_admin" | "company_supervisor")[]) => {
  await app.db().update(reportSettings).set({ roles }).where(eq(reportSettings.companyId, "acme"));
};

test.afterAll(async () => {
  await app?.stop();
  await standIn?.stop();
});

async function send(body: EventBody): Promise<ReceivedEmail> {
  const before = standIn.emails.length;
  const res = await postEvent(app.url, { secret: EVENTS_SECRET, body });
  expect(res.status, JSON.stringify(res.json)).toBe(202);
  const emails = await standIn.waitForEmails(before + 1, 20_000);
  expect(emails).toHaveLength(before + 1);
  return emails[before];
}

function expectWellFormed(
  email: ReceivedEmail,
  { to = ["admin@acme.test"], crm, subject, cta }: { to?: string[]; crm: string; subject: RegExp; cta: string },
) {
  expect(email.to).toEqual(to);
  expect(email.bcc).toEqual([ESCALATION]);
  expect(email.to).not.toContain(ESCALATION);
  expect(email.subject).toContain(crm);
  expect(email.subject).toMatch(subject);
  const hrefs = [...email.html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) expect(href, "links are absolute").toMatch(/^(https?:\/\/|mailto:)/);
  expect(hrefs.map((h) => h.replace(/&amp;/g, "&"))).toContain(cta);
  expect(email.text).toContain(cta);
  expect(email.html).toContain(`${app.url}/account/report-settings`);
}

test("every event type becomes the right email at the provider", async () => {
  const u = app.url;
  expectWellFormed(await send(fixtureNow("reauth-hubspot-token-revoked")), {
    crm: "HubSpot",
    subject: /reconnect/i,
    cta: `${u}/integrations?reconnect=hubspot`,
  });
  expectWellFormed(await send(fixtureNow("auth-restored-hubspot")), { crm: "HubSpot", subject: /reconnected/i, cta: `${u}/integrations` });
  expectWellFormed(await send(fixtureNow("reauth-hubspot-scopes-changed")), {
    crm: "HubSpot",
    subject: /reconnect/i,
    cta: `${u}/integrations?reconnect=hubspot`,
  });
  expectWellFormed(await send(fixtureNow("reauth-salesforce-refresh-expired")), {
    crm: "Salesforce",
    subject: /reconnect/i,
    cta: `${u}/integrations?reconnect=salesforce`,
  });
  expectWellFormed(await send(fixtureNow("disabled-hubspot-uninstalled")), {
    crm: "HubSpot",
    subject: /disabled/i,
    cta: `${u}/integrations?reconnect=hubspot`,
  });
  expectWellFormed(await send(fixtureNow("enabled-hubspot")), {
    crm: "HubSpot",
    subject: /enabled/i,
    cta: `${u}/integrations/hubspot/settings/sync`,
  });

  const mapping = await send(fixtureNow("mapping-hubspot-push"));
  const mappingId = await latest("mapping_errors");
  expectWellFormed(mapping, { crm: "HubSpot", subject: /failed/i, cta: `${u}/notifications/${mappingId}/records` });
  expect(mapping.html).toContain(`${u}/integrations/hubspot/settings/mapping`);
  expect(mapping.text).toContain("INVALID_OPTION");
  expect(mapping.text).toContain("HubSpot reported 250 failed contacts; details for 5 are below.");

  expectWellFormed(await send(fixtureNow("mapping-salesforce-pull-leads")), {
    crm: "Salesforce",
    subject: /failed/i,
    cta: `${u}/notifications/` + (await latest("mapping_errors")) + "/records",
  });

  for (const [fixture, crm] of [
    ["sync-salesforce-push", "Salesforce"],
    ["sync-salesforce-users", "Salesforce"],
    ["sync-hubspot-pull-clean", "HubSpot"],
  ] as const) {
    const email = await send(fixtureNow(fixture));
    const id = await latest("sync_report");
    expectWellFormed(email, { crm, subject: /processed/i, cta: `${u}/notifications/${id}` });
  }

  // Acme's Zoho is never connected in the seed: connect it to exercise the Zoho fixtures.
  await app
    .db()
    .update(integrations)
    .set({ status: "connected" })
    .where(and(eq(integrations.companyId, "acme"), eq(integrations.provider, "zoho")));
  const view = await send(fixtureNow("sync-zoho-view"));
  expect(view.subject).toContain("Open Leads – West");
  expect(view.subject).toContain("Zoho CRM");
  expectWellFormed(await send(fixtureNow("mapping-zoho-push")), {
    crm: "Zoho CRM",
    subject: /failed/i,
    cta: `${u}/notifications/` + (await latest("mapping_errors")) + "/records",
  });
});

test("nobody resolves: To the escalation address, no BCC, flagged no_recipients", async () => {
  await setRoles([]);
  try {
    const email = await send(fixtureNow("sync-hubspot-pull-clean"));
    expect(email.to).toEqual([ESCALATION]);
    expect(email.bcc).toEqual([]);
    const [row] = await app
      .db()
      .select({ no_recipients: messages.noRecipients, n: notifications.noRecipients })
      .from(messages)
      .innerJoin(notifications, eq(notifications.id, messages.notificationId))
      .orderBy(desc(messages.plannedAt))
      .limit(1);
    expect(row).toEqual({ no_recipients: true, n: true });
  } finally {
    await setRoles(["company_admin"]);
  }
});

test("120 recipients: three messages, BCC on the first only, every address once", async () => {
  const db = app.db();
  const supervisors = acmeSupervisors("many", 119);
  const many = supervisors.map((u) => u.id);
  await db.insert(users).values(supervisors);
  await setRoles(["company_admin"]);
  await db.insert(reportRecipients).values(many.map((userId) => ({ companyId: "acme", userId })));
  const before = standIn.emails.length;
  const res = await postEvent(app.url, { secret: EVENTS_SECRET, body: fixtureNow("sync-salesforce-push") });
  expect(res.status).toBe(202);
  const emails = (await standIn.waitForEmails(before + 3)).slice(before);
  expect(emails).toHaveLength(3);
  const ordered = [...emails].sort((a, b) => b.to.length - a.to.length || b.bcc.length - a.bcc.length);
  expect(ordered.map((e) => e.to.length)).toEqual([50, 50, 20]);
  expect(emails.flatMap((e) => e.bcc)).toEqual([ESCALATION]);
  const all = emails.flatMap((e) => e.to);
  expect(new Set(all).size).toBe(120);
  expect(all).toContain("admin@acme.test");
  expect(new Set(emails.map((e) => e.idempotencyKey)).size).toBe(3);
  expect(new Set(emails.map((e) => e.subject)).size).toBe(1);
  await db.delete(reportRecipients).where(like(reportRecipients.userId, "usr_many_%"));
});

test("event text is escaped in HTML and verbatim in text", async () => {
  const hostile = "<img src=x onerror=alert(1)>";
  const body = fixtureNow("mapping-hubspot-push");
  body.data.errors[0].recordName = hostile;
  body.data.errors[1].message = `</td><script>alert("x")</script>`;
  const email = await send(body);
  expect(email.html).not.toContain(hostile);
  expect(email.html).not.toContain("<script>");
  expect(email.html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  expect(email.text).toContain(hostile);
});

test("250 reported, 5 detailed: the email and the records page say the same, and no link promises more", async ({ page }) => {
  const u = app.url;
  const mapping = await send(fixtureNow("mapping-hubspot-push")); // totalRecords 250, five errors
  const mappingRecords = `${u}/notifications/${await latest("mapping_errors")}/records`;
  const sync = await send(fixtureNow("sync-salesforce-push")); // failed 16, one failure
  const syncRecords = `${u}/notifications/${await latest("sync_report")}/records`;

  for (const [email, says, records, rows] of [
    [mapping, "HubSpot reported 250 failed contacts; details for 5 are below.", mappingRecords, "the 5 contacts with details"],
    [sync, "Salesforce reported 16 failed records; details for 1 are below.", syncRecords, "the 1 record with details"],
  ] as const) {
    expect(email.text).toContain(says);
    expect(email.text).not.toMatch(/\b(245|15) more\b|see all 250|see every failed/);
    // every link to the records page names the rows it has
    const links = email.text.split("\n").filter((line) => line.includes(records));
    expect(links.length).toBeGreaterThan(0);
    for (const line of links) expect(line).toContain(rows);
  }

  await page.goto(`${u}/sign-in`);
  await page.getByLabel("Email").fill("admin@acme.test");
  await page.getByLabel("Password").fill("switchboard-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  for (const [records, says, rows] of [
    [mappingRecords, "HubSpot reported 250 failed contacts; details for 5 are below.", 5],
    [syncRecords, "Salesforce reported 16 failed records; details for 1 are below.", 1],
  ] as const) {
    await page.goto(records);
    await expect(page.getByText(says)).toBeVisible();
    await expect(page.getByRole("row")).toHaveCount(rows + 1);
    await expect(page.getByRole("link", { name: `Download CSV · ${rows} ${rows === 1 ? "row" : "rows"}` })).toBeVisible();
    const csv = await (await page.request.get(`${records}/csv`)).text();
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(rows + 1); // header + the detailed rows
  }
});

test("the records page lists every affected record, filters by code and downloads CSV", async ({ page }) => {
  const body = fixtureNow("mapping-hubspot-push");
  body.data.errors = Array.from({ length: 130 }, (_, i) => ({ ...body.data.errors[i % 5], recordId: `c_${2000 + i}` }));
  body.data.errors[7].recordName = '=HYPERLINK("http://evil.example","x")';
  const email = await send(body);
  const recordsUrl = email.text.match(/https?:\/\/\S+\/notifications\/ntf_[\w-]+\/records/)![0];

  await page.goto(`${app.url}/sign-in`);
  await page.getByLabel("Email").fill("supervisor@acme.test");
  await page.getByLabel("Password").fill("switchboard-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

  await page.goto(recordsUrl);
  await expect(page.getByRole("heading", { name: "Affected records" })).toBeVisible();
  await expect(page.getByText("Page 1 of 2 · 130 records")).toBeVisible();
  await page.getByLabel("Error code").selectOption({ label: "INVALID_EMAIL (26)" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("26 records with INVALID_EMAIL")).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(27);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV (INVALID_EMAIL)" }).click();
  const csv = await (await download).createReadStream().then(async (s) => {
    let text = "";
    for await (const chunk of s) text += chunk;
    return text;
  });
  expect(csv.split("\r\n").filter(Boolean)).toHaveLength(27);
  const all = await page.request.get(`${recordsUrl}/csv`);
  const allText = await all.text();
  expect(allText).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);

  // another company's viewer finds nothing there
  const other = await page.context().browser()!.newPage();
  await other.goto(`${app.url}/sign-in`);
  await other.getByLabel("Email").fill("admin@globex.test");
  await other.getByLabel("Password").fill("switchboard-demo");
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other.getByRole("button", { name: "Sign out" })).toBeVisible();
  expect((await other.goto(recordsUrl))?.status()).toBe(404);
  expect((await other.request.get(`${recordsUrl}/csv`)).status()).toBe(404);
  await other.close();
});
