import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { DB } from "@/db/connection";
import { openDatabaseAt } from "@/db/open";

/*
 * The pipeline specs run the BUILT app (server.mjs, as `npm start`; never a rebuild) on
 * their own port and temp database, pointed at a Resend stand-in, so they can
 * kill it, restart it and read its database without disturbing the shared
 * e2e server.
 */

/**
 * `count` active supervisors at Acme (`usr_${name}_${i}`, `${name}${i}@acme.test`): rows for the
 * users table, for recipient lists longer than one message carries.
 */
export function acmeSupervisors(name: string, count: number, at = new Date()) {
  return Array.from({ length: count }, (_, i) => ({
    id: `usr_${name}_${i}`,
    name: `${name[0].toUpperCase()}${name.slice(1)} ${i}`,
    email: `${name}${i}@acme.test`,
    emailVerified: true,
    companyId: "acme",
    role: "company_supervisor" as const,
    active: true,
    createdAt: at,
    updatedAt: at,
  }));
}

export const EVENTS_SECRET = "whsec_cGlwZWxpbmUtZXZlbnRzLXNlY3JldC0wMTIzNDU2Nzg5";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export type AppServer = {
  url: string;
  port: number;
  /** Its DATABASE_URL: the SQLite file, or the PostgreSQL database given as `databaseUrl`. */
  dbFile: string;
  /** A read/write connection to the app's database, for arranging and asserting. */
  db: () => DB;
  start: () => Promise<void>;
  kill: (signal?: NodeJS.Signals) => Promise<void>;
  stop: () => Promise<void>;
  output: () => string;
  /** Starts it expecting it to refuse: its exit code, or null when it is still running after `timeoutMs` (then killed). */
  startExpectingExit: (timeoutMs: number) => Promise<{ code: number | null; output: string }>;
};

export async function createAppServer({
  name,
  env = {},
  dir = join(process.cwd(), "test-results", "pipeline"),
  databaseUrl,
}: {
  name: string;
  env?: Record<string, string>;
  /** where the database lives (a spec that needs a small or failing filesystem mounts one) */
  dir?: string;
  /** a PostgreSQL database to serve instead of a fresh SQLite file (several servers may share it; stop() leaves it) */
  databaseUrl?: string;
}): Promise<AppServer> {
  const port = await freePort();
  mkdirSync(dir, { recursive: true });
  const dbFile = databaseUrl ?? join(dir, `${name}-${port}.db`);
  const removeFiles = () => {
    if (!databaseUrl) for (const suffix of ["", "-wal", "-shm"]) rmSync(dbFile + suffix, { force: true });
  };
  removeFiles();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let log = "";
  let connection: DB | null = null;

  const fullEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: dbFile,
    APP_URL: url,
    TEST_MODE: "1",
    // a test server: the demo data on its empty database (a production start seeds nothing by default)
    SEED_DEMO: "1",
    WORKER: "inline",
    APP_SECRET: "pipeline-secret-0123456789-0123456789-0123456789",
    INTEGRATION_EVENTS_SECRET: EVENTS_SECRET,
    RESEND_API_KEY: "re_test_pipeline",
    DELIVERY_BACKOFF_BASE_MS: "200",
    DELIVERY_BACKOFF_CAP_MS: "1000",
    DELIVERY_TIMEOUT_MS: "2000",
    ...env,
  };

  function spawnServer(): ChildProcess {
    // detached: its own process group, so kill() reaches next's children too
    const proc = spawn(process.execPath, ["server.mjs", "--port", String(port), "--hostname", "127.0.0.1"], {
      env: fullEnv,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child = proc;
    proc.stdout?.on("data", (d) => (log += d));
    proc.stderr?.on("data", (d) => (log += d));
    return proc;
  }

  async function startExpectingExit(timeoutMs: number) {
    const proc = spawnServer();
    const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<"running">((resolve) => (timer = setTimeout(() => resolve("running"), timeoutMs)));
    const outcome = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    if (outcome === "running") {
      await kill("SIGKILL");
      return { code: null, output: log };
    }
    child = null;
    return { code: outcome, output: log };
  }

  async function start() {
    const proc = spawnServer();
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (proc.exitCode !== null) throw new Error(`the server exited (${proc.exitCode}):\n${log}`);
      try {
        const res = await fetch(`${url}/api/health`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 150));
    }
    throw new Error(`the server did not become healthy on ${url}:\n${log}`);
  }

  async function kill(signal: NodeJS.Signals = "SIGKILL") {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => c.once("exit", () => resolve()));
    try {
      process.kill(-c.pid!, signal);
    } catch {
      c.kill(signal);
    }
    await exited;
    child = null;
  }

  return {
    url,
    port,
    dbFile,
    db: () => (connection ??= openDatabaseAt(dbFile)),
    start,
    kill,
    async stop() {
      await kill("SIGTERM");
      await connection?.$close();
      connection = null;
      removeFiles();
    },
    output: () => log,
    startExpectingExit,
  };
}
