import { expect, test, type Page } from "@playwright/test";
import { openDatabase } from "@/db/connection";
import { resetDatabase } from "../fixtures/session";
import { DEMO_PASSWORD, E2E_BASE_URL, E2E_PORT } from "../fixtures/server-config";
import { captureAction, replayAction, tamper, type CapturedAction } from "../fixtures/server-action";
import { advanceClock, MINUTE } from "../pipeline/clock";

/*
 * Brute force against sign-in (docs/security/sign-in.md): five wrong
 * passwords lock an account for everyone, twenty lock an address, and a
 * client's own X-Forwarded-For changes neither. The server action is the
 * only door: better-auth's HTTP routes are not mounted.
 */

test.describe.configure({ mode: "serial" });
test.beforeEach(async ({ request }) => resetDatabase(request));

const LOCKED_ACCOUNT =
  /Too many failed sign-in attempts for this email address\. For its protection, sign-in is paused: try again in 1[45] minutes\./;
const LOCKED_ADDRESS = /Too many failed sign-in attempts from your network\. Try again in 1[45] minutes\./;
const WRONG = "That email and password don't match an account";

/** One attempt on a freshly loaded form, as a person would make it. */
async function submit(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** The sign-in action as the form sends it, captured once, to replay at speed with other values. */
async function captureSignIn(page: Page, email: string, password: string): Promise<CapturedAction> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  return captureAction(page, () => page.getByRole("button", { name: "Sign in" }).click());
}

function attempt(
  page: Page,
  captured: CapturedAction,
  { email, password, forwardedFor }: { email: string; password: string; forwardedFor?: string },
) {
  const body = tamper(tamper(captured.body.toString("latin1"), "probe@acme.test", email), "probe-password", password);
  const headers = forwardedFor ? { ...captured.headers, "x-forwarded-for": forwardedFor } : captured.headers;
  return replayAction(page, { ...captured, headers }, Buffer.from(body, "latin1"));
}

const randomAddress = () => Array.from({ length: 4 }, () => Math.floor(Math.random() * 254) + 1).join(".");

test("five wrong passwords lock the account: the right one is refused too, until the window has passed", async ({ page }) => {
  await page.goto("/sign-in");
  for (let i = 1; i <= 4; i++) {
    await submit(page, "admin@acme.test", `wrong-password-${i}`);
    await expect(page.locator("form").getByRole("alert")).toContainText(WRONG);
  }
  await submit(page, "admin@acme.test", "wrong-password-5");
  await expect(page.locator("form").getByRole("alert")).toHaveText(LOCKED_ACCOUNT);

  await submit(page, "admin@acme.test", DEMO_PASSWORD);
  await expect(page.locator("form").getByRole("alert")).toHaveText(LOCKED_ACCOUNT);
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/account/report-settings");
  await expect(page).toHaveURL(/\/sign-in\?next=/);

  // the lock is audited in the account's company, once
  const db = openDatabase(`test-results/e2e-${E2E_PORT}.db`);
  const rows = db.$client.prepare("select company_id, action, entity, after from audit_log where action = 'user.sign_in_locked'").all() as {
    company_id: string;
    after: string;
  }[];
  db.$client.close();
  expect(rows).toHaveLength(1);
  expect(rows[0].company_id).toBe("acme");
  expect(JSON.parse(rows[0].after)).toMatchObject({ email: "admin@acme.test", failures: 5, address: "127.0.0.1" });

  await advanceClock(E2E_BASE_URL, 15 * MINUTE + 1_000);
  await submit(page, "admin@acme.test", DEMO_PASSWORD);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
});

test("an email that names no account is answered exactly like one that does", async ({ page }) => {
  const answers = async (email: string) => {
    const seen: string[] = [];
    await page.goto("/sign-in");
    for (let i = 1; i <= 6; i++) {
      await submit(page, email, `wrong-password-${i}`);
      const alert = page.locator("form").getByRole("alert");
      await expect(alert).toBeVisible();
      seen.push((await alert.textContent()) ?? "");
    }
    return seen;
  };
  expect(await answers("nobody@acme.test")).toEqual(await answers("billing@acme.test"));
});

test("a new X-Forwarded-For on every request does not escape the per-address limit", async ({ page }) => {
  const captured = await captureSignIn(page, "probe@acme.test", "probe-password");
  // the captured attempt itself was the first failure from this address
  for (let i = 2; i <= 20; i++) {
    const res = await attempt(page, captured, { email: `guess${i}@acme.test`, password: "guess", forwardedFor: randomAddress() });
    expect(res.status).toBe(200);
    expect(res.text).toContain(WRONG);
  }
  const res = await attempt(page, captured, { email: "admin@acme.test", password: DEMO_PASSWORD, forwardedFor: randomAddress() });
  expect(res.text).toMatch(LOCKED_ADDRESS);
  expect(res.text).not.toContain("Sign out");
});

test("parallel guesses against one account get five answers at most", async ({ page }) => {
  const captured = await captureSignIn(page, "probe@acme.test", "probe-password");
  const results = await Promise.all(
    Array.from({ length: 12 }, (_, i) => attempt(page, captured, { email: "supervisor@acme.test", password: `parallel-${i}` })),
  );
  const wrong = results.filter((r) => r.text.includes(WRONG)).length;
  const locked = results.filter((r) => LOCKED_ACCOUNT.test(r.text)).length;
  expect(results.every((r) => r.status === 200)).toBe(true);
  // every attempt is counted before its password is checked: the fifth failure starts the lock
  expect(wrong + locked).toBe(12);
  expect(wrong).toBeLessThanOrEqual(4);
});

test("better-auth's own HTTP sign-in is not there to go around the throttle", async ({ request }) => {
  for (let i = 0; i < 3; i++) {
    const res = await request.post("/api/auth/sign-in/email", {
      headers: { origin: E2E_BASE_URL, "x-forwarded-for": randomAddress() },
      data: { email: "admin@acme.test", password: `guess-${i}` },
    });
    expect(res.status()).toBe(404);
  }
});
