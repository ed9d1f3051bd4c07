import { expect, test } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import { count, countDistinct, eq, isNotNull, ne } from "drizzle-orm";
import { messages, reportSettings } from "@/db/schema";
import { ResendStandIn } from "../../lib/testing/resend-stand-in";
import { createAppServer, EVENTS_SECRET, type AppServer } from "../pipeline/app-server";
import { fixtureNow, postEvent } from "../../lib/testing/events";
import { FULL, pooled, WORKER_SECRET_ENV } from "./fault-config";

/*
 * Crash safety of the outbox (docs/product R24) with two workers competing: the web
 * server's inline worker AND a standalone `npm run worker` process share one
 * database. Both are killed with SIGKILL mid-backlog, while sends are in
 * flight at a slow provider; after both restart, every message is delivered
 * and none twice (each idempotency key reaches the provider as one email).
 */

const EVENTS = FULL ? 900 : 240;

let standIn: ResendStandIn;
let app: AppServer;
let worker: ChildProcess | null = null;
let workerLog = "";

function startWorker() {
  workerLog = "";
  // `node --import tsx`: one process, so SIGKILL reaches the worker itself
  const child = spawn(process.execPath, ["--import", "tsx", "lib/worker-main.ts"], {
    env: {
      ...process.env,
      ...WORKER_SECRET_ENV,
      DATABASE_URL: app.dbFile,
      APP_URL: app.url,
      INTEGRATION_EVENTS_SECRET: EVENTS_SECRET,
      RESEND_BASE_URL: standIn.url,
      DELIVERY_BACKOFF_BASE_MS: "200",
      DELIVERY_BACKOFF_CAP_MS: "1000",
      DELIVERY_TIMEOUT_MS: "2000",
      DELIVERY_MAX_ATTEMPTS: "200",
      RESEND_RATE_LIMIT_PER_SEC: "10000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => (workerLog += d));
  child.stderr?.on("data", (d) => (workerLog += d));
  worker = child;
}

async function killWorker(signal: NodeJS.Signals) {
  const w = worker;
  if (!w || w.exitCode !== null || w.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => w.once("exit", () => resolve()));
  w.kill(signal);
  await exited;
  worker = null;
}

test.beforeAll(async () => {
  standIn = await ResendStandIn.start();
  // The backlog builds during an outage and every refused send is an attempt (one a second at the 1 s
  // backoff cap): the budget must outlast the outage however slowly a busy machine posts the events.
  app = await createAppServer({
    name: "faults-crash",
    env: { RESEND_BASE_URL: standIn.url, RESEND_RATE_LIMIT_PER_SEC: "10000", DELIVERY_MAX_ATTEMPTS: "200" },
  });
  await app.start();
  await app.db().update(reportSettings).set({ syncReportMode: "always" });
});

test.afterAll(async () => {
  await killWorker("SIGKILL");
  await app?.stop();
  await standIn?.stop();
});

test("kill -9 of the web server AND the standalone worker mid-backlog: all delivered after restart, none twice", async () => {
  test.setTimeout(240_000);
  startWorker();
  await expect.poll(() => workerLog, { timeout: 30_000 }).toContain("delivering from");
  // the provider is unreachable while the backlog builds, then slow, so the kill lands mid-backlog and mid-send
  await standIn.down();
  standIn.script(...Array.from({ length: EVENTS * 3 }, () => ({ kind: "delay" as const, ms: 150 })));

  const statuses = await pooled(
    Array.from(
      { length: EVENTS },
      (_, i) => () =>
        postEvent(app.url, {
          secret: EVENTS_SECRET,
          id: `evt_crash_${i}`,
          body: fixtureNow(i % 2 ? "sync-salesforce-push" : "sync-hubspot-pull-clean"),
        }).then((r) => r.status),
    ),
    8,
  );
  expect(statuses.filter((s) => s !== 202)).toEqual([]);
  const db = app.db();
  const total = await db.$count(messages);
  expect(total).toBe(EVENTS);

  await standIn.up();
  await standIn.waitForEmails(Math.floor(total / 8), 60_000);
  await Promise.all([app.kill("SIGKILL"), killWorker("SIGKILL")]);
  const atKill = {
    queued: await db.$count(messages, eq(messages.status, "queued")),
    leased: await db.$count(messages, isNotNull(messages.leaseOwner)),
  };
  const deliveredBeforeKill = standIn.emails.length;
  expect(atKill.queued).toBeGreaterThan(0);

  const restartedAt = Date.now();
  await app.start();
  startWorker();
  await standIn.waitForEmails(total, 180_000).catch(async (error: Error) => {
    const stuck = db
      .select({ status: messages.status, attempts: messages.attempts, lastError: messages.lastError, n: count() })
      .from(messages)
      .where(ne(messages.status, "sent"))
      .groupBy(messages.status, messages.attempts, messages.lastError)
      .limit(10);
    throw new Error(`${error.message}; not sent: ${JSON.stringify(await stuck)}`);
  });
  await expect.poll(() => db.$count(messages, ne(messages.status, "sent")), { timeout: 30_000 }).toBe(0);
  await killWorker("SIGTERM");

  const keys = (await db.select({ key: messages.idempotencyKey }).from(messages)).map((r) => r.key);
  const received = standIn.emails.map((e) => e.idempotencyKey);
  expect(received).toHaveLength(total);
  expect(new Set(received)).toEqual(new Set(keys));
  const replays = standIn.requests.filter((r) => r.behavior === "idempotent-replay").length;
  const [{ n: owners }] = await db.select({ n: countDistinct(messages.leaseOwner) }).from(messages);
  console.log(
    `[measured] kill -9 ×2: ${total} messages, ${deliveredBeforeKill} delivered and ${atKill.queued} queued (${atKill.leased} leased) at the kill; ` +
      `after restart all delivered exactly once in ${Date.now() - restartedAt} ms (${replays} idempotent replays of sends cut short by the kill; ${owners} leases left)`,
  );
});
