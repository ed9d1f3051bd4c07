import { expect, test, type Page } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { openDatabase } from "@/db/connection";
import { resetDatabase, signIn } from "../fixtures/session";
import { DEMO_PASSWORD, E2E_BASE_URL, E2E_PORT } from "../fixtures/server-config";
import { captureAction, replayAction, tamper } from "../fixtures/server-action";

/*
 * Deactivation (docs/security/sign-in.md): a deactivated user keeps no
 * session, and sign-in tells nobody an account is deactivated before the
 * password has been proven — not in its words, not in its timing.
 */

test.describe.configure({ mode: "serial" });
test.beforeEach(async ({ request }) => resetDatabase(request));

const database = () => openDatabase(`test-results/e2e-${E2E_PORT}.db`);

test("a deactivated user's sessions end, and better-auth's session routes are not there to keep them alive", async ({ page }) => {
  await signIn(page, "billing@acme.test");
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");

  const db = database();
  db.$client.prepare("update user set active = 0 where email = 'billing@acme.test'").run();
  const sessionsOf = () =>
    (
      db.$client
        .prepare("select count(*) as n from session s join user u on u.id = s.user_id where u.email = 'billing@acme.test'")
        .get() as { n: number }
    ).n;
  expect(sessionsOf()).toBe(1);

  for (const [method, path] of [
    ["GET", "/api/auth/get-session"],
    ["POST", "/api/auth/update-user"],
    ["GET", "/api/auth/list-sessions"],
    ["POST", "/api/auth/sign-in/email"],
  ] as const) {
    const res = await page.request.fetch(`${E2E_BASE_URL}${path}`, {
      method,
      headers: { cookie, origin: E2E_BASE_URL, "content-type": "application/json" },
      data: method === "POST" ? { name: "Still here" } : undefined,
    });
    expect(res.status(), `${method} ${path}`).toBe(404);
  }

  await page.goto("/account/report-settings");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { name: "Sign in to your admin console" })).toBeVisible();
  expect(sessionsOf()).toBe(0);
  db.$client.close();
});

test("admin:deactivate ends the user's sessions at once, before they make another request", async ({ page }) => {
  await signIn(page, "supervisor@acme.test");
  const run = spawnSync("npm", ["run", "--silent", "admin:deactivate", "--", "--email", "Supervisor@acme.test"], {
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: `test-results/e2e-${E2E_PORT}.db`, APP_URL: E2E_BASE_URL },
    encoding: "utf8",
  });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toContain('Deactivated Sue Pervisor <supervisor@acme.test> of company "acme"; 1 session ended.');

  const db = database();
  const left = db.$client
    .prepare("select count(*) as n from session s join user u on u.id = s.user_id where u.email = 'supervisor@acme.test'")
    .get() as { n: number };
  const audit = db.$client.prepare("select actor_label, after from audit_log where action = 'user.deactivated'").all() as {
    actor_label: string;
    after: string;
  }[];
  db.$client.close();
  expect(left.n).toBe(0);
  expect(audit).toHaveLength(1);
  expect(audit[0].actor_label).toMatch(/^admin:deactivate \(/);
  expect(JSON.parse(audit[0].after)).toMatchObject({ active: false, sessionsEnded: 1 });

  await page.goto("/integrations");
  await expect(page.getByRole("heading", { name: "Sign in to your admin console" })).toBeVisible();
});

async function timedAttempt(page: Page, captured: Awaited<ReturnType<typeof captureAction>>, email: string, password: string) {
  const body = Buffer.from(
    tamper(tamper(captured.body.toString("latin1"), "probe@acme.test", email), "probe-password", password),
    "latin1",
  );
  const started = performance.now();
  const res = await replayAction(page, captured, body);
  return { ms: performance.now() - started, text: res.text };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

test("a deactivated account with a wrong password is answered like any wrong password, in the same time", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("probe@acme.test");
  await page.getByLabel("Password").fill("probe-password");
  const captured = await captureAction(page, () => page.getByRole("button", { name: "Sign in" }).click());

  const deactivated: number[] = [];
  const active: number[] = [];
  for (let i = 0; i < 3; i++) {
    const a = await timedAttempt(page, captured, "former@acme.test", `wrong-${i}`);
    const b = await timedAttempt(page, captured, "supervisor@acme.test", `wrong-${i}`);
    expect(a.text).toContain("That email and password don't match an account");
    expect(a.text).not.toContain("deactivated");
    deactivated.push(a.ms);
    active.push(b.ms);
  }
  // both check a password hash (~100 ms of scrypt); answering before the check took a tenth of that
  const ratio = median(deactivated) / median(active);
  expect(ratio, `deactivated ${deactivated.map(Math.round)} ms vs active ${active.map(Math.round)} ms`).toBeGreaterThan(0.5);
  expect(ratio).toBeLessThan(2);
});

test("with the right password, a deactivated user is told why there is no session", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("former@acme.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("This account has been deactivated");
  const db = database();
  const n = (
    db.$client.prepare("select count(*) as n from session s join user u on u.id = s.user_id where u.email = 'former@acme.test'").get() as {
      n: number;
    }
  ).n;
  db.$client.close();
  expect(n).toBe(0);
});
