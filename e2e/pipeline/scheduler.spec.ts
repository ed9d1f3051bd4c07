import { expect, test } from "@playwright/test";
import { and, asc, eq } from "drizzle-orm";
import { auditLog, integrations, messages, notifications, scheduledJobs } from "@/db/schema";
import type { Provider } from "@/lib/integrations/providers";
import { EVENTS_SECRET } from "./app-server";
import { advanceClock, HOUR } from "./clock";
import { fixtureNow, postEvent, type EventBody } from "../../lib/testing/events";
import { useAppWithStandIn } from "./harness";

/*
 * Re-auth timers through the built app (docs/product R22): the server's test clock
 * moves forward (never a sleep), the inline worker's scheduler runs the due
 * timers, and the emails arrive at the Resend stand-in.
 *
 * To prove that NOTHING happened at a moment, each check first sends a
 * "barrier" email (a Salesforce sync report) after moving the clock: the
 * worker runs due timers before it claims messages, so once the barrier is
 * delivered, every timer due at that time has had its turn.
 */

const { app, standIn } = useAppWithStandIn("scheduler");

const SUBJECTS = {
  alert: /^Action required: HubSpot needs to be reconnected by /,
  reminder: /^Reminder: HubSpot disconnects in 24 hours/,
  passed: /^Salesforce integration disabled: the reconnect deadline .* has passed$/,
  disabled: /integration disabled: it was not reconnected in time$/,
  restored: /^HubSpot reconnected — syncing again$/,
  barrier: /^Salesforce user sync finished/,
};
const count = (kind: keyof typeof SUBJECTS) => standIn.emails.filter((e) => SUBJECTS[kind].test(e.subject)).length;
async function status(provider: Provider) {
  const [row] = await app
    .db()
    .select({ status: integrations.status, status_reason: integrations.statusReason, disabled_by: integrations.disabledBy })
    .from(integrations)
    .where(and(eq(integrations.companyId, "acme"), eq(integrations.provider, provider)))
    .limit(1);
  return row;
}
const queued = () => app.db().$count(messages, eq(messages.status, "queued"));

async function post(body: EventBody) {
  const res = await postEvent(app.url, { secret: EVENTS_SECRET, body });
  expect(res.status, JSON.stringify(res.json)).toBe(202);
}

/** The re-auth fixture at the server's current time, with the default deadline (occurredAt + 72 h). */
function reauth(serverNow: Date, fixture = "reauth-hubspot-token-revoked"): EventBody {
  const body = fixtureNow(fixture, serverNow);
  delete body.data.deadline;
  return body;
}

async function barrier() {
  const before = count("barrier");
  await post(fixtureNow("sync-salesforce-users"));
  await expect.poll(() => count("barrier"), { timeout: 20_000 }).toBe(before + 1);
}

test("re-auth at T: the reminder once at T+48 h, disabled with its email at T+72 h", async () => {
  const T = await advanceClock(app.url, 0);
  await post(reauth(T));
  await expect.poll(() => count("alert")).toBe(1);

  await advanceClock(app.url, 47 * HOUR);
  await barrier();
  expect(count("reminder")).toBe(0);

  await advanceClock(app.url, 1 * HOUR); // T+48 h
  await expect.poll(() => count("reminder"), { timeout: 20_000 }).toBe(1);
  const reminder = standIn.emails.find((e) => SUBJECTS.reminder.test(e.subject))!;
  expect(reminder.text).toMatch(/24 hours left/);
  expect(reminder.to).toEqual(["admin@acme.test"]);

  await advanceClock(app.url, 12 * HOUR); // T+60 h: still needs_reauth, nothing new
  await barrier();
  expect(count("reminder")).toBe(1);
  expect((await status("hubspot")).status).toBe("needs_reauth");

  await advanceClock(app.url, 12 * HOUR); // T+72 h
  await expect.poll(() => count("disabled"), { timeout: 20_000 }).toBe(1);
  expect(await status("hubspot")).toEqual({ status: "disabled", status_reason: "reauth_deadline_passed", disabled_by: "auth" });
  const [audit] = await app
    .db()
    .select({ actor_type: auditLog.actorType, actor_id: auditLog.actorId })
    .from(auditLog)
    .where(and(eq(auditLog.action, "integration.disabled"), eq(auditLog.entity, "integration:hubspot")))
    .limit(1);
  expect(audit).toEqual({ actor_type: "system", actor_id: "scheduler" });

  await advanceClock(app.url, 100 * HOUR);
  await barrier();
  expect([count("alert"), count("reminder"), count("disabled")]).toEqual([1, 1, 1]);
});

test("re-auth at T, restored at T+60 h: no disable and no email at T+72 h", async () => {
  const T = await advanceClock(app.url, 0);
  await post(reauth(T));
  await expect.poll(() => count("alert")).toBe(1);
  await advanceClock(app.url, 48 * HOUR);
  await expect.poll(() => count("reminder"), { timeout: 20_000 }).toBe(1);

  const t60 = await advanceClock(app.url, 12 * HOUR);
  await post(fixtureNow("auth-restored-hubspot", t60));
  await expect.poll(() => count("restored")).toBe(1);
  expect((await status("hubspot")).status).toBe("connected");

  await advanceClock(app.url, 12 * HOUR); // T+72 h
  await barrier();
  await advanceClock(app.url, 48 * HOUR);
  await barrier();
  expect((await status("hubspot")).status).toBe("connected");
  expect(count("disabled")).toBe(0);
  const jobs = await app
    .db()
    .select({ kind: scheduledJobs.kind, status: scheduledJobs.status })
    .from(scheduledJobs)
    .orderBy(asc(scheduledJobs.id));
  expect(jobs).toEqual([
    { kind: "reauth_reminder", status: "done" },
    { kind: "reauth_deadline", status: "cancelled" },
  ]);
  expect(standIn.emails.filter((e) => !SUBJECTS.barrier.test(e.subject)).map((e) => e.subject.replace(/ by .*$/, ""))).toEqual([
    "Action required: HubSpot needs to be reconnected",
    "Reminder: HubSpot disconnects in 24 hours — reconnect",
    "HubSpot reconnected — syncing again",
  ]);
});

test("a deadline that passed before the event arrived: the alert says so and the integration is disabled at once", async () => {
  const T = await advanceClock(app.url, 0);
  await post(reauth(new Date(T.getTime() - 73 * HOUR), "reauth-salesforce-refresh-expired"));
  await expect.poll(() => count("passed")).toBe(1);
  await expect.poll(() => count("disabled")).toBe(1);
  const alert = standIn.emails.find((e) => SUBJECTS.passed.test(e.subject))!;
  expect(alert.text).toMatch(/already passed/);
  expect(await status("salesforce")).toEqual({ status: "disabled", status_reason: "reauth_deadline_passed", disabled_by: "auth" });
  expect(await app.db().$count(scheduledJobs, eq(scheduledJobs.status, "pending"))).toBe(0);
});

test("three re-auth events in a row: one alert; restored: one recovery email", async () => {
  const T = await advanceClock(app.url, 0);
  await post(reauth(T));
  await post(reauth(T));
  await post(fixtureNow("reauth-hubspot-scopes-changed", T));
  await barrier();
  expect(count("alert")).toBe(1);
  await post(fixtureNow("auth-restored-hubspot", T));
  await post(fixtureNow("auth-restored-hubspot", T));
  await barrier();
  expect(count("restored")).toBe(1);
  expect(count("alert")).toBe(1);
  await advanceClock(app.url, 80 * HOUR);
  await barrier();
  expect([count("reminder"), count("disabled")]).toEqual([0, 0]);
});

test("the test clock exists only as a test surface: bad input is a 400", async () => {
  const bad = await fetch(`${app.url}/api/test/clock`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: '{"advanceMs":-5}',
  });
  expect(bad.status).toBe(400);
  expect(((await bad.json()) as { issues: { path: string }[] }).issues[0].path).toBe("advanceMs");
  const malformed = await fetch(`${app.url}/api/test/clock`, { method: "POST", body: "{" });
  expect(malformed.status).toBe(400);
});

test("the integration card's timeline shows each event and timer with its email's status", async ({ page }) => {
  const T = await advanceClock(app.url, 0);
  await post(reauth(T));
  await advanceClock(app.url, 48 * HOUR);
  await expect.poll(() => count("reminder"), { timeout: 20_000 }).toBe(1);
  await post(fixtureNow("sync-hubspot-pull-clean"));
  // let the sync report go out before a day passes, or it would rightly give up as 24 h unsent
  await expect.poll(queued).toBe(0);
  await advanceClock(app.url, 24 * HOUR);
  await expect.poll(() => count("disabled"), { timeout: 20_000 }).toBe(1);
  await expect.poll(queued).toBe(0);

  await page.goto(`${app.url}/sign-in`);
  await page.getByLabel("Email").fill("supervisor@acme.test");
  await page.getByLabel("Password").fill("switchboard-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.goto(`${app.url}/integrations`);
  const timeline = page.getByRole("region", { name: "HubSpot", exact: true }).getByRole("region", { name: "Events and emails" });
  const items = timeline.getByRole("listitem");
  // newest first: the deadline's disable, the sync event with its report, the reminder, the alert
  await expect(items).toHaveCount(4);
  await expect(items.nth(0)).toContainText("Integration disabled");
  await expect(items.nth(1)).toContainText("Sync completed");
  await expect(items.nth(2)).toContainText("Re-authentication reminder");
  await expect(items.nth(3)).toContainText("Re-authentication required");
  for (let i = 0; i < 4; i++) await expect(items.nth(i).getByRole("link")).toContainText("Sent");
  await expect(items.nth(3)).toContainText(/[AP]M E[SD]T/); // company time zone
  const [{ id: disabledId }] = await app
    .db()
    .select({ id: notifications.id })
    .from(notifications)
    .where(eq(notifications.kind, "integration_disabled"))
    .limit(1);
  await expect(items.nth(0).getByRole("link", { name: "Integration disabled email: Sent" })).toHaveAttribute(
    "href",
    `/notifications/${disabledId}`,
  );
  await expect(timeline.getByRole("link", { name: "All HubSpot emails" })).toHaveAttribute("href", "/notifications?provider=hubspot");
  await page.screenshot({ path: "test-results/integrations-timeline.png", fullPage: true });
});
