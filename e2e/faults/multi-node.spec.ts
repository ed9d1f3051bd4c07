import { expect, test } from "@playwright/test";
import pg from "pg";
import { ResendStandIn } from "../../lib/testing/resend-stand-in";
import { createDatabase, startPostgres, type PostgresServer } from "../../lib/testing/postgres-server";
import { fixtureNow, type EventBody } from "../../lib/testing/events";
import { createAppServer, type AppServer } from "../pipeline/app-server";
import { clusterClock, countOf, roundRobin, rows, startWorker, type Posted, type WorkerProcess } from "./cluster";
import { addCompanies } from "@/lib/testing/pg-tenants";
import { FULL, pooled } from "./fault-config";

/*
 * Switchboard on several machines (README "Running on PostgreSQL and scaling out"): one PostgreSQL, two
 * web servers (`next start`, WORKER=off) behind a round-robin load balancer, two
 * `npm run worker` processes, the Resend stand-in. Events of every type from many
 * tenants go to both servers, some ids to both at once; mid-backlog one web server
 * and one worker die by SIGKILL and a replacement worker starts. Then the timers come
 * due (the workers' clocks move, lib/worker-clock.ts). Every accepted event is stored
 * once, every message reaches the provider once, every timer fires once, nothing is
 * left queued. It fails when claims are not exclusive (docs/decisions/0010).
 */

const TENANTS = FULL ? 40 : 20;
const EVENTS = FULL ? 6_000 : 2_000;
const PAIRS = 50;
const KILL_AT = Math.floor(EVENTS / 2);
// every type an integration worker posts (Zoho is disconnected in these tenants: its events are 409s, tested elsewhere)
const TYPES = [
  "sync-hubspot-pull-clean",
  "mapping-hubspot-push",
  "reauth-hubspot-token-revoked",
  "sync-salesforce-push",
  "mapping-salesforce-pull-leads",
  "auth-restored-hubspot",
  "sync-salesforce-users",
  "disabled-hubspot-uninstalled",
  "reauth-salesforce-refresh-expired",
  "enabled-hubspot",
  "reauth-hubspot-scopes-changed",
];
const WORKER_ENV = {
  DELIVERY_BACKOFF_BASE_MS: "200",
  DELIVERY_BACKOFF_CAP_MS: "1000",
  DELIVERY_TIMEOUT_MS: "2000",
  DELIVERY_MAX_ATTEMPTS: "50",
  RESEND_RATE_LIMIT_PER_SEC: "10000",
};

let postgres: PostgresServer;
let standIn: ResendStandIn;
let sql: pg.Pool;
let databaseUrl: string;
let web: AppServer[] = [];
const workers: WorkerProcess[] = [];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  [postgres, standIn] = await Promise.all([startPostgres(), ResendStandIn.start()]);
  databaseUrl = await createDatabase(postgres.url, "multinode");
  const env = { ...WORKER_ENV, WORKER: "off", RESEND_BASE_URL: standIn.url };
  web = await Promise.all(["a", "b"].map((n) => createAppServer({ name: `multi-node-${n}`, databaseUrl, env })));
  // both at once: one migrates and seeds under the startup lock, the other waits for it
  await Promise.all(web.map((w) => w.start()));
  sql = new pg.Pool({ connectionString: databaseUrl, max: 4 });
});

test.afterAll(async () => {
  await Promise.all(workers.map((w) => w.kill("SIGKILL")));
  await Promise.all(web.map((w) => w.stop()));
  await sql?.end();
  await standIn?.stop();
  await postgres?.stop();
});

function eventBody(i: number, tenants: string[]): EventBody {
  const body = fixtureNow(TYPES[Math.floor(i / tenants.length) % TYPES.length]);
  return { ...body, companyId: tenants[i % tenants.length] };
}

test("two web servers and two workers on one PostgreSQL, one of each killed mid-backlog: every event once, every email once, every timer once", async () => {
  test.setTimeout(FULL ? 600_000 : 240_000);
  const tenants = ["acme", ...(await addCompanies(sql, TENANTS - 1))];
  const clock = clusterClock();
  const spawnWorker = () => {
    const w = startWorker(databaseUrl, { ...WORKER_ENV, RESEND_BASE_URL: standIn.url });
    workers.push(w);
    return w;
  };
  const [first, second] = [spawnWorker(), spawnWorker()];
  const killedOwner = await first.owner;
  await second.owner;
  // a slow provider, so that the backlog outlives the kill and sends are in flight when it lands
  standIn.script(...Array.from({ length: EVENTS * 2 }, () => ({ kind: "delay" as const, ms: 40 })));

  // the last round is a re-auth alert on every tenant's HubSpot and Salesforce: timers for the end
  const finale = tenants.flatMap((companyId) =>
    ["reauth-hubspot-token-revoked", "reauth-salesforce-refresh-expired"].map((type) => ({ ...fixtureNow(type), companyId })),
  );
  const main = EVENTS - finale.length;
  const pairs = new Set(Array.from({ length: PAIRS }, (_, k) => 3 + k * Math.floor(KILL_AT / PAIRS)));
  const post = roundRobin(web);
  const outcomes = new Map<string, Posted[]>();
  let killedAt = 0;
  let atKill = { leasedByKilled: [] as string[], queued: 0, sent: 0 };

  const send = async (i: number, body: EventBody) => {
    const id = `evt_mn_${i}`;
    if (i === KILL_AT) {
      // mid-backlog: the first web server and the first worker die at once, a replacement worker starts
      await Promise.all([web[0].kill("SIGKILL"), first.kill("SIGKILL")]);
      killedAt = Date.now();
      atKill = {
        leasedByKilled: (
          await rows<{ key: string }>(sql, "select idempotency_key as key from messages where lease_owner = $1", [killedOwner])
        ).map((r) => r.key),
        queued: await countOf(sql, "select count(*) as n from messages where status = 'queued'"),
        sent: standIn.emails.length,
      };
      await spawnWorker().owner;
    }
    // the duplicate pairs: the same event id to both servers at the same moment
    const results = pairs.has(i) ? await Promise.all([post(0, id, body), post(1, id, body)]) : [await post(i, id, body)];
    outcomes.set(id, results);
  };
  const postingStarted = Date.now();
  await pooled(
    Array.from({ length: main }, (_, i) => () => send(i, eventBody(i, tenants))),
    16,
  );
  await pooled(
    finale.map((body, k) => () => send(main + k, body)),
    16,
  );
  const postingMs = Date.now() - postingStarted;

  // every event accepted once: each pair got one 202 and one 200, every other event a 202 (or, rerouted
  // after the kill, 200 when the dead server had committed it before dying)
  const all = [...outcomes.values()].flat();
  expect(all.filter((o) => o.status !== 202 && o.status !== 200)).toEqual([]);
  for (const i of pairs)
    expect(
      outcomes
        .get(`evt_mn_${i}`)!
        .map((o) => o.status)
        .sort(),
    ).toEqual([200, 202]);
  const unexpectedDuplicates = [...outcomes.entries()].filter(([id, o]) => !pairs.has(Number(id.slice(7))) && o[0].status === 200);
  expect(unexpectedDuplicates.every(([, o]) => o[0].rerouted)).toBe(true);
  expect(await countOf(sql, "select count(*) as n from events")).toBe(EVENTS);
  expect(atKill.queued).toBeGreaterThan(0);

  // the timers: every due re-auth reminder, deadline and digest close, cluster by cluster, on the live workers' clocks
  const live = () => workers.filter((w) => w.child.exitCode === null && w.child.signalCode === null);
  const pendingJobs = () =>
    rows<{ id: number; kind: string; due_at: Date; company_id: string; provider: string | null }>(
      sql,
      `select j.id, j.kind, j.due_at, j.company_id, i.provider from scheduled_jobs j
       left join integrations i on i.id = j.integration_id where j.status = 'pending' order by j.due_at, j.id`,
    );
  await waitForDrain();
  // recovery: the last of the killed worker's leased messages sent by another worker
  const [{ last }] = await rows<{ last: Date | null }>(sql, "select max(sent_at) as last from messages where idempotency_key = any($1)", [
    atKill.leasedByKilled,
  ]);
  const recoveryMs = last ? last.getTime() - killedAt : 0;
  const drainedMs = Date.now() - killedAt;
  const timers = await pendingJobs();
  const reminders = timers.filter((j) => j.kind === "reauth_reminder");
  expect(reminders.length).toBeGreaterThanOrEqual(TENANTS); // every tenant's Salesforce alert stays open
  for (let next = timers[0]; next; next = (await pendingJobs())[0]) {
    // one cluster: everything due within a minute of the earliest pending job
    const until = new Date(next.due_at.getTime() + 60_000);
    await clock.moveTo(until, live());
    await expect
      .poll(() => countOf(sql, "select count(*) as n from scheduled_jobs where status = 'pending' and due_at <= $1", [until]), {
        timeout: 30_000,
      })
      .toBe(0);
    // and their emails sent before time moves on: a jump past a lease hands sends still in flight to another worker
    await waitForDrain();
  }

  // every timer fired once: all done (none failed), one reminder email per reminder, one deadline per alert
  const ran = await rows<{ kind: string; status: string; n: string }>(
    sql,
    "select kind, status, count(*) as n from scheduled_jobs where id = any($1) group by kind, status",
    [timers.map((j) => j.id)],
  );
  expect(ran.filter((r) => r.status !== "done")).toEqual([]);
  const remindersSent = await rows<{ company_id: string; provider: string; n: string }>(
    sql,
    "select company_id, provider, count(*) as n from notifications where kind = 'reauth_reminder' group by company_id, provider",
  );
  expect(remindersSent.filter((r) => r.n !== "1")).toEqual([]);
  expect(new Set(remindersSent.map((r) => `${r.company_id}/${r.provider}`))).toEqual(
    new Set(reminders.map((j) => `${j.company_id}/${j.provider}`)),
  );
  const deadlines = timers.filter((j) => j.kind === "reauth_deadline");
  expect(
    await countOf(
      sql,
      "select count(*) as n from integrations where status = 'disabled' and id in (select integration_id from scheduled_jobs where id = any($1))",
      [deadlines.map((j) => j.id)],
    ),
  ).toBe(deadlines.length);

  // every message delivered exactly once: sent, one successful attempt each, each key once at the provider; a
  // key sent twice is only one the killed worker held at the kill (its send was cut short, the replay answered)
  const total = await countOf(sql, "select count(*) as n from messages");
  const perKey = new Map<string, number>();
  for (const r of standIn.requests) if (r.idempotencyKey) perKey.set(r.idempotencyKey, (perKey.get(r.idempotencyKey) ?? 0) + 1);
  const twice = [...perKey].filter(([, n]) => n > 1).map(([key]) => key);
  const unexplained = twice.filter((key) => !atKill.leasedByKilled.includes(key));
  const detail = await rows(
    sql,
    `select m.idempotency_key, a.at, a.outcome, a.status_code, a.error, a.duration_ms from message_attempts a
     join messages m on m.id = a.message_id where m.idempotency_key = any($1) order by 1, 2`,
    [unexplained],
  );
  const requests = standIn.requests.filter((r) => unexplained.includes(r.idempotencyKey ?? ""));
  expect(unexplained, `keys sent more than once by live workers: ${JSON.stringify({ detail, requests }, null, 1)}`).toEqual([]);
  expect(
    await countOf(
      sql,
      "select count(*) as n from (select message_id from message_attempts where outcome = 'sent' group by message_id having count(*) > 1) t",
    ),
    "messages recorded as sent twice",
  ).toBe(0);
  expect(await rows(sql, "select status, last_error, count(*) as n from messages where status <> 'sent' group by 1, 2")).toEqual([]);
  await standIn.waitForEmails(total, 30_000);
  const keys = (await rows<{ key: string }>(sql, "select idempotency_key as key from messages")).map((r) => r.key);
  const received = standIn.emails.map((e) => e.idempotencyKey);
  expect(received).toHaveLength(total);
  expect(new Set(received)).toEqual(new Set(keys));

  console.log(
    `[measured] multi-node: ${EVENTS} events (${PAIRS} ids to both servers at once) from ${TENANTS} tenants posted in ${postingMs} ms; ` +
      `${all.filter((o) => o.rerouted).length} rerouted after the kill; ${total} messages, each key once at the provider ` +
      `(${twice.length} replayed: sends cut short by the kill); at the kill ${atKill.sent} delivered, ${atKill.queued} queued, ` +
      `${atKill.leasedByKilled.length} leased by the killed worker; ${timers.length} timers (${reminders.length} reminders, ` +
      `${deadlines.length} deadlines) fired once each; the killed worker's messages sent ${recoveryMs} ms after the kill, ` +
      `the backlog drained ${drainedMs} ms after it`,
  );

  /** Until nothing is queued: every message due now has been sent. */
  async function waitForDrain() {
    await expect
      .poll(() => countOf(sql, "select count(*) as n from messages where status = 'queued'"), { timeout: 120_000, intervals: [250] })
      .toBe(0);
  }
});
