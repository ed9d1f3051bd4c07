// `npm test`: the static checks (types, lint, formatting), the unit and integration tests on SQLite and
// on PostgreSQL, the e2e tests, then one
// summary line `N passed, N failed[, N skipped]`; a failed check counts as one failure.
// Finds Debian's Chromium for Playwright, installing it when run as root with apt (docs/product R31).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

const args = new Set(process.argv.slice(2));
const e2eOnly = args.has("--e2e-only");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
mkdirSync("test-results", { recursive: true });

function run(cmd, cmdArgs, extraEnv = {}) {
  console.log(`\n$ ${cmd} ${cmdArgs.join(" ")}`);
  const started = performance.now();
  const status = spawnSync(cmd, cmdArgs, { stdio: "inherit", env: { ...env, ...extraEnv } }).status ?? 1;
  console.log(`(${status === 0 ? "ok" : `exit ${status}`} in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return status;
}

function ensureChromium() {
  const path = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  if (existsSync(path)) return path;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status === 0;
  if (isRoot && hasApt) {
    console.log("Chromium not found: installing Debian's chromium package…");
    if (run("apt-get", ["update"]) === 0 && run("apt-get", ["install", "-y", "chromium"]) === 0 && existsSync(path)) return path;
  }
  console.error(
    `Chromium was not found at ${path}. Install it with:\n  sudo apt-get update && sudo apt-get install -y chromium\n` +
      "or point CHROMIUM_PATH at an existing Chromium binary.",
  );
  process.exit(1);
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null);

/** Runs the npm scripts side by side (each is one process on one core), printing each one's output whole when it ends. */
async function runScripts(scripts) {
  const started = performance.now();
  const codes = await Promise.all(
    scripts.map(
      (script) =>
        new Promise((resolve) => {
          const child = spawn("npm", ["run", "--silent", script], { env, stdio: ["ignore", "pipe", "pipe"] });
          let output = "";
          child.stdout.on("data", (d) => (output += d));
          child.stderr.on("data", (d) => (output += d));
          child.on("close", (code) => {
            const took = ((performance.now() - started) / 1000).toFixed(1);
            console.log(`\n$ npm run ${script}\n${output.trimEnd()}\n(${code === 0 ? "ok" : `exit ${code}`} ${took} s after the start)`);
            resolve(code ?? 1);
          });
        }),
    ),
  );
  return codes.filter((code) => code !== 0).length;
}

if (!e2eOnly) {
  // the tests still run after a failed check, so one run reports everything
  totals.failed += await runScripts(["typecheck", "lint", "format:check"]);

  // the unit and integration suite once per engine: SQLite files, then a throw-away PostgreSQL server
  // (lib/testing/vitest-global-setup.ts), each test file with its own database
  for (const engine of ["sqlite", "postgres"]) {
    const out = `test-results/vitest-${engine}.json`;
    rmSync(out, { force: true });
    console.log(`\nUnit and integration tests on ${engine === "sqlite" ? "SQLite" : "PostgreSQL"}:`);
    const code = run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile=${out}`], { TEST_ENGINE: engine });
    const r = readJson(out);
    if (r) {
      totals.passed += r.numPassedTests;
      totals.failed += r.numFailedTests;
      totals.skipped += r.numPendingTests + r.numTodoTests;
    }
    if (code !== 0 && (!r || r.numFailedTests === 0)) totals.failed += 1; // the run itself broke
  }
}

const chromium = ensureChromium();
if (run("npx", ["next", "build"]) !== 0) {
  console.error("next build failed");
  totals.failed += 1;
} else {
  playwright("playwright.json", ["playwright", "test", "--reporter=list,json"]);
  // the same build on PostgreSQL, for specs that drive the product only through its pages and routes
  // (the others arrange and assert on the SQLite file directly). The multi-node fault test
  // (e2e/faults/multi-node.spec.ts, in the run above) starts its own PostgreSQL.
  console.log("\nE2E specs on PostgreSQL:");
  // Sign-in, sessions and every role's landing page: better-auth and the pages on PostgreSQL. The worker's
  // PostgreSQL path is the multi-node test's.
  const specs = "e2e/auth.spec.ts";
  playwright("playwright-postgres.json", [
    "tsx",
    "scripts/with-postgres.ts",
    "--",
    "sh",
    "-c",
    `E2E_DATABASE_URL="$POSTGRES_URL" npx playwright test --reporter=list,json ${specs}`,
  ]);
}

function playwright(report, command) {
  const out = `test-results/${report}`;
  rmSync(out, { force: true });
  const code = run("npx", command, { CHROMIUM_PATH: chromium, PLAYWRIGHT_JSON_OUTPUT_NAME: out });
  const r = readJson(out);
  if (r) {
    totals.passed += r.stats.expected + r.stats.flaky;
    totals.failed += r.stats.unexpected;
    totals.skipped += r.stats.skipped;
  }
  if (code !== 0 && (!r || r.stats.unexpected === 0)) totals.failed += 1;
}

const skipped = totals.skipped ? `, ${totals.skipped} skipped` : "";
console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed > 0 ? 1 : 0);
