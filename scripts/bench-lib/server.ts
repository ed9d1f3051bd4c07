import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../../e2e/pipeline/app-server";
import { createDatabase, startPostgres } from "../../lib/testing/postgres-server";

/*
 * The benchmarks measure the production build: server.mjs (`npm start`) on a free port
 * with a fresh database in a temp directory, never the dev server.
 */

export const BENCH_EVENTS_SECRET = "whsec_YmVuY2gtZXZlbnRzLXNlY3JldC0wMTIzNDU2Nzg5YWJjZGVm";
export const BENCH_APP_SECRET = "bench-app-secret-0123456789-0123456789-0123456789";

/** Builds once when there is no production build yet, and says so. */
export function ensureBuild(): void {
  if (existsSync(join(".next", "BUILD_ID"))) return;
  console.log("No production build in .next: running `next build` first (1–2 minutes)…");
  const result = spawnSync("node_modules/.bin/next", ["build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed");
}

export type BenchServer = {
  url: string;
  /** The SQLite file, or on PostgreSQL the database's URL: the server's DATABASE_URL. */
  dbFile: string;
  pid: number;
  stop: () => Promise<void>;
  output: () => string;
};

export type BenchEngine = "sqlite" | "postgres";

/** `--db sqlite|postgres|both` (default both, SQLite first): the engines to measure, one after the other. */
export function benchEngines(value: string | undefined): BenchEngine[] {
  if (value === undefined || value === "both") return ["sqlite", "postgres"];
  if (value === "sqlite" || value === "postgres") return [value];
  throw new Error(`--db must be sqlite, postgres or both, got "${value}"`);
}

/**
 * The production server on a free port. Without `dbFile` it gets a fresh database in a
 * temp directory, removed on stop; with one, it serves that file and leaves it.
 */
export async function startServer({
  env = {},
  nodeOptions,
  dbFile: givenDbFile,
  engine = "sqlite",
}: { env?: Record<string, string>; nodeOptions?: string; dbFile?: string; engine?: BenchEngine } = {}): Promise<BenchServer> {
  ensureBuild();
  const port = await freePort();
  // PostgreSQL on the same cores, durable like a production server: a commit waits for its WAL flush
  const postgres = engine === "postgres" ? await startPostgres({ durable: true }) : null;
  const dir = givenDbFile || postgres ? null : mkdtempSync(join(tmpdir(), "switchboard-bench-"));
  const dbFile = postgres ? await createDatabase(postgres.url, "bench") : (givenDbFile ?? join(dir!, "bench.db"));
  const url = `http://127.0.0.1:${port}`;
  let log = "";
  // Node refuses --cpu-prof in NODE_OPTIONS, so profiling flags go on node's own command line.
  const nodeFlags = nodeOptions ? nodeOptions.split(/\s+/).filter(Boolean) : [];
  const nextArgs = ["server.mjs", "--port", String(port), "--hostname", "127.0.0.1"];
  const child: ChildProcess = spawn(process.execPath, [...nodeFlags, ...nextArgs], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: dbFile,
      APP_URL: url,
      APP_SECRET: BENCH_APP_SECRET,
      INTEGRATION_EVENTS_SECRET: BENCH_EVENTS_SECRET,
      WORKER: "off",
      TEST_MODE: "0",
      // a bench server: the demo companies the event pool posts to (a production start seeds nothing by default)
      SEED_DEMO: "1",
      RESEND_API_KEY: "",
      ...env,
    },
    detached: true, // its own process group: stop() reaches next's children too
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => (log += d));
  child.stderr?.on("data", (d) => (log += d));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${log}`);
    if (Date.now() > deadline) throw new Error(`the server did not become healthy on ${url}:\n${log}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    dbFile,
    pid: child.pid!,
    output: () => log,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
        try {
          process.kill(-child.pid!, "SIGTERM");
        } catch {
          child.kill("SIGTERM");
        }
        await exited;
      }
      if (dir) rmSync(dir, { recursive: true, force: true });
      await postgres?.stop();
    },
  };
}
