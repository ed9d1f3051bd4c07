import { expect, test, type Page } from "@playwright/test";
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createAppServer, type AppServer } from "../pipeline/app-server";
import { DEMO_PASSWORD } from "../fixtures/server-config";

/*
 * A production start (`next start`, NODE_ENV=production) as a deployment
 * does it: no demo users with their published password on an empty
 * database, `npm run admin:create` for the first admin, and a start that
 * cannot succeed exits instead of answering 500 to everything.
 */

// how long a refused start may take to exit; on a slow machine raise it rather than sleep
const EXIT_WITHIN_MS = Number(process.env.PRODUCTION_START_EXIT_TIMEOUT_MS ?? 30_000);

test.describe.configure({ mode: "serial" });

let app: AppServer | undefined;
test.afterEach(async () => {
  await app?.stop();
  app = undefined;
});

// a deployment's environment: no test routes, local mailbox, no demo seed unless asked for
const PRODUCTION = { TEST_MODE: "0", RESEND_API_KEY: "", SEED_DEMO: "" };

function runAdminCreate(target: AppServer, args: string[], stdin?: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", "admin:create", "--", ...args], {
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: target.dbFile, APP_URL: target.url, SEED_DEMO: "" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, output }));
    child.stdin.end(stdin ?? "");
  });
}

async function submitSignIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function expectConsoleOf(page: Page, company: string, identity: string) {
  await expect(page).toHaveURL(/\/account\/report-settings$/);
  await expect(page.getByRole("heading", { level: 1, name: "Report settings" })).toBeVisible();
  await expect(page.getByTestId("company-name")).toHaveText(company);
  await expect(page.getByText(identity)).toBeVisible();
}

test("an empty production database gets no demo users; admin:create makes the first admin, who signs in", async ({ browser }) => {
  app = await createAppServer({ name: "prod-start-empty", env: PRODUCTION });
  await app.start();
  const startOutput = app.output();
  expect(startOutput).toContain("npm run admin:create -- --company <slug>");
  expect(startOutput).not.toContain(DEMO_PASSWORD);

  const demo = await browser.newPage();
  await submitSignIn(demo, app.url, "admin@acme.test", DEMO_PASSWORD);
  await expect(demo.getByRole("alert").filter({ hasText: "don't match" })).toBeVisible();
  await expect(demo).toHaveURL(/\/sign-in/);
  await demo.close();

  // refusals first: nothing is created by a short password or a password on the command line
  const shortPassword = await runAdminCreate(
    app,
    ["--company", "initech", "--company-name", "Initech", "--email", "olive@initech.example", "--password-stdin"],
    "too-short\n",
  );
  expect(shortPassword.code).not.toBe(0);
  expect(shortPassword.output).toContain("at least 12 characters");
  const onCommandLine = await runAdminCreate(app, [
    "--company",
    "initech",
    "--email",
    "olive@initech.example",
    "--password",
    "a-long-enough-password",
  ]);
  expect(onCommandLine.code).not.toBe(0);
  expect(onCommandLine.output).toContain("never taken on the command line");

  const password = "correct-horse-battery-staple";
  const created = await runAdminCreate(
    app,
    [
      "--company",
      "initech",
      "--company-name",
      "Initech",
      "--email",
      "Olive@Initech.example",
      "--name",
      "Olive Ops",
      "--time-zone",
      "Europe/Berlin",
      "--password-stdin",
    ],
    `${password}\n`,
  );
  expect(created.code, created.output).toBe(0);
  expect(created.output).toContain('Created company "initech" (Initech, Europe/Berlin)');
  expect(created.output).toContain("Created company admin olive@initech.example (Olive Ops)");
  expect(created.output).not.toContain(password);

  const generated = await runAdminCreate(app, ["--company", "initech", "--email", "second@initech.example", "--generate-password"]);
  expect(generated.code, generated.output).toBe(0);
  const printed = /shown only this once[^\n]*\n\s*\n\s{4}(\S+)\n/.exec(generated.output)?.[1];
  expect(printed, generated.output).toMatch(/^[A-Za-z0-9_-]{24}$/);

  const olive = await browser.newPage();
  await submitSignIn(olive, app.url, "olive@initech.example", password);
  await expectConsoleOf(olive, "Initech", "olive@initech.example · Company admin");
  await olive.close();

  const second = await browser.newPage();
  await submitSignIn(second, app.url, "second@initech.example", printed!);
  await expectConsoleOf(second, "Initech", "second@initech.example · Company admin");
  await second.close();
});

test("with SEED_DEMO=1 a production start seeds the demo users", async ({ browser }) => {
  app = await createAppServer({ name: "prod-start-demo", env: { ...PRODUCTION, SEED_DEMO: "1" } });
  await app.start();
  expect(app.output()).toContain("demo data seeded");
  const page = await browser.newPage();
  await submitSignIn(page, app.url, "admin@acme.test", DEMO_PASSWORD);
  await expectConsoleOf(page, "Acme Dialers", "admin@acme.test · Company admin");
  await page.close();
});

test("a production start without APP_SECRET exits non-zero and names the setting", async () => {
  app = await createAppServer({ name: "prod-start-no-secret", env: { ...PRODUCTION, APP_SECRET: "" } });
  const { code, output } = await app.startExpectingExit(EXIT_WITHIN_MS);
  expect(code, `still running after ${EXIT_WITHIN_MS} ms; last output:\n${output.slice(-2000)}`).not.toBeNull();
  expect(code).not.toBe(0);
  expect(output).toContain("Cannot start: Missing required production settings: APP_SECRET");
  expect(output, "one readable reason, no stack").not.toMatch(/^\s+at /m);
});

test("a database that cannot be opened stops the start with the reason", async () => {
  const dir = join(process.cwd(), "test-results", "pipeline");
  mkdirSync(dir, { recursive: true });
  const aFile = join(dir, `not-a-directory-${process.pid}`);
  writeFileSync(aFile, "");
  const cases = [
    { url: join(aFile, "data", "switchboard.db"), reason: "a part of the path is a file, not a directory" },
    { url: dir, reason: "SQLite cannot open that path" },
  ];
  for (const { url, reason } of cases) {
    app = await createAppServer({ name: "prod-start-bad-db", env: { ...PRODUCTION, DATABASE_URL: url } });
    const { code, output } = await app.startExpectingExit(EXIT_WITHIN_MS);
    expect(code, `still running after ${EXIT_WITHIN_MS} ms; last output:\n${output.slice(-2000)}`).not.toBeNull();
    expect(code).not.toBe(0);
    expect(output).toContain(`Cannot start: cannot open the database DATABASE_URL=${url}`);
    expect(output).toContain(reason);
    expect(output).not.toMatch(/^\s+at /m);
    await app.stop();
    app = undefined;
  }
  rmSync(aFile, { force: true });
});

test("npm run worker refuses the same way", async () => {
  const dir = join(process.cwd(), "test-results", "pipeline");
  const run = (env: Record<string, string>) =>
    new Promise<{ code: number | null; output: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "lib/worker-main.ts"], {
        env: {
          ...process.env,
          NODE_ENV: "production",
          APP_SECRET: "worker-secret-0123456789-0123456789-0123",
          INTEGRATION_EVENTS_SECRET: "whsec_d29ya2VyLXNlY3JldA==",
          ...env,
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.on("data", (d) => (output += d));
      child.stderr.on("data", (d) => (output += d));
      child.on("error", reject);
      const timer = setTimeout(() => child.kill("SIGKILL"), EXIT_WITHIN_MS);
      child.on("exit", (code) => {
        clearTimeout(timer);
        resolve({ code, output });
      });
    });
  const noSecret = await run({ DATABASE_URL: join(dir, `worker-${process.pid}.db`), APP_SECRET: "" });
  expect(noSecret.code).toBe(1);
  expect(noSecret.output).toContain("[worker] Cannot start: Missing required production settings: APP_SECRET");
  const badDb = await run({ DATABASE_URL: dir });
  expect(badDb.code).toBe(1);
  expect(badDb.output).toContain(`[worker] Cannot start: cannot open the database DATABASE_URL=${dir}`);
  expect(badDb.output).not.toMatch(/^\s+at /m);
});
