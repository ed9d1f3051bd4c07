/*
 * `npm run bench:latency`: how long from an event's 202 to its email arriving
 * at the provider. The production build runs against the local Resend stand-in,
 * on SQLite with the inline worker (WORKER=inline), on PostgreSQL with
 * WORKER=off and two `npm run worker` processes (the scaled-out layout of the
 * README); signed, unique sync-report events (one email each) arrive at a
 * steady 100/s for 60 s, after 10 s of the same load whose emails are awaited
 * and not measured. Each email is matched to its event through the message's idempotency key
 * (messages → notifications.event_id). Targets: p50 ≤ 250 ms, p99 ≤ 1 s.
 *
 *   --seconds N      duration (default 60)
 *   --rate N         events per second (default 100)
 *   --cpu-prof DIR   run the server and the workers under `node --cpu-prof`, profiles in DIR
 *   --db ENGINE      sqlite, postgres or both (default): PostgreSQL is a throw-away, durable
 *                    server on the same machine; with both, figures side by side at the end
 *   --warmup N       seconds of the same load first, their emails awaited, not measured (default 10)
 *   --workers N      separate worker processes instead of the inline worker (default 0 on
 *                    SQLite, 2 on PostgreSQL; 0 = inline)
 */
import { eq } from "drizzle-orm";
import { openDatabaseAt } from "@/db/open";
import * as pgTables from "@/db/schema/pg";
import * as sqliteTables from "@/db/schema/sqlite";
import { ResendStandIn } from "../lib/testing/resend-stand-in";
import { BENCH_EVENTS_SECRET, benchEngines, startServer, type BenchEngine } from "./bench-lib/server";
import { startWorkers } from "./bench-lib/workers";
import { eventTemplates, signedPool } from "./bench-lib/event-pool";
import { flag } from "./bench-lib/args";
import { fmt, mark, sideBySide, summarize, verdict } from "./bench-lib/stats";

const seconds = Number(flag("seconds") ?? 60);
const rate = Number(flag("rate") ?? 100);
const cpuProf = flag("cpu-prof");
const engines = benchEngines(flag("db"));
const workersFlag = flag("workers");
const warmup = Number(flag("warmup") ?? 10);

type Figures = { p50: number; p95: number; p99: number; max: number; matched: number; accepted: number; layout: string };

async function measure(engine: BenchEngine): Promise<Figures> {
  // this process reads the server's database: its tables are that engine's, whatever this process's own DATABASE_URL says
  const { events, messages, notifications, reportSettings } = (engine === "postgres" ? pgTables : sqliteTables) as typeof sqliteTables;
  const workerCount = Number(workersFlag ?? (engine === "postgres" ? 2 : 0));
  const layout = workerCount > 0 ? `WORKER=off + ${workerCount} worker processes` : "WORKER=inline";
  console.log(`\n== ${engine === "postgres" ? "PostgreSQL" : "SQLite"}, ${layout} ==`);
  const standIn = await ResendStandIn.start();
  const sending = {
    RESEND_API_KEY: "re_bench_latency",
    RESEND_BASE_URL: standIn.url,
    // the stand-in has no rate limit here; pacing is measured by bench:sender
    RESEND_RATE_LIMIT_PER_SEC: "10000",
  };
  const server = await startServer({
    env: { WORKER: workerCount > 0 ? "off" : "inline", ...sending },
    nodeOptions: cpuProf ? `--cpu-prof --cpu-prof-dir=${cpuProf}` : undefined,
    engine,
  });
  const workers =
    workerCount > 0
      ? await startWorkers(workerCount, {
          databaseUrl: server.dbFile,
          env: sending,
          nodeOptions: cpuProf ? `--cpu-prof --cpu-prof-dir=${cpuProf}` : undefined,
        })
      : null;
  const db = openDatabaseAt(server.dbFile);
  // every sync report is emailed, so each event yields exactly one message
  await db.update(reportSettings).set({ syncReportMode: "always" });
  const templates = eventTemplates().filter((t) => t.type === "sync.completed");
  const total = Math.round(seconds * rate);
  console.log(`next start on ${server.url} (${layout}) → stand-in ${standIn.url}; ${rate} events/s for ${seconds} s (${total} events)`);

  // open loop: fire what the schedule says is due, whatever the server's pace
  async function postAtRate(count: number) {
    const accepted = new Map<string, number>();
    const statuses = new Map<number | string, number>();
    const inFlight: Promise<void>[] = [];
    // signed in slices shortly before use, so no timestamp nears the ±5 min tolerance
    let pool = signedPool(BENCH_EVENTS_SECRET, Math.min(count, rate * 30), templates);
    let sent = 0;
    const startedAt = performance.now();
    while (sent < count) {
      const due = Math.min(count, Math.floor(((performance.now() - startedAt) / 1000) * rate) + 1);
      for (; sent < due; sent++) {
        if (sent % pool.length === 0 && sent > 0) pool = signedPool(BENCH_EVENTS_SECRET, Math.min(count - sent, rate * 30), templates);
        const r = pool[sent % pool.length];
        inFlight.push(
          fetch(`${server.url}/api/integration-events`, { method: "POST", headers: r.headers, body: r.body })
            .then(async (res) => {
              await res.arrayBuffer();
              if (res.status === 202) accepted.set(r.id, Date.now());
              statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            })
            .catch(() => void statuses.set("network", (statuses.get("network") ?? 0) + 1)),
        );
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    await Promise.all(inFlight);
    return { accepted, statuses, startedAt };
  }

  try {
    if (warmup > 0) {
      // a deployment has been running before its load arrives: JIT, module loading and the first renders are not measured
      const warm = await postAtRate(Math.round(warmup * rate));
      const warmAt = performance.now();
      await standIn.waitForEmails(warm.accepted.size, 120_000);
      console.log(
        `  warm-up: ${warm.accepted.size} events in ${warmup} s, their emails all out ${fmt((performance.now() - warmAt) / 1000)} s after the last was accepted`,
      );
    }
    const before = standIn.emails.length;
    const { accepted, statuses, startedAt } = await postAtRate(total);
    const sendSeconds = (performance.now() - startedAt) / 1000;
    console.log(`  sent ${total} in ${fmt(sendSeconds)} s: ${[...statuses].map(([s, n]) => `${n} × ${s}`).join(", ")}`);
    await standIn.waitForEmails(before + accepted.size, 120_000).catch((e: Error) => console.log(`  ${e.message}`));

    // Accepted = the server's own received_at of the event (its clock, stamped in the accepting
    // transaction); the client's view of the 202 lags behind whenever this process is busy.
    const matched = await db
      .select({ key: messages.idempotencyKey, event: events.id, receivedAt: events.receivedAt })
      .from(messages)
      .innerJoin(notifications, eq(notifications.id, messages.notificationId))
      .innerJoin(events, eq(events.id, notifications.eventId));
    const keyToEvent = new Map(matched.map((r) => [r.key, r]));
    const latencies: number[] = [];
    const byTenSeconds = new Map<number, number[]>(); // when in the run the event was accepted
    const startedAtMs = Date.now() - (performance.now() - startedAt);
    for (const email of standIn.emails) {
      const event = email.idempotencyKey ? keyToEvent.get(email.idempotencyKey) : undefined;
      if (!event || !accepted.has(event.event)) continue;
      const at = event.receivedAt.getTime();
      const latency = email.receivedAt.getTime() - at;
      latencies.push(latency);
      const bucket = Math.floor((at - startedAtMs) / 10_000);
      byTenSeconds.set(bucket, [...(byTenSeconds.get(bucket) ?? []), latency]);
    }
    const s = summarize(latencies);
    console.log(`\nevent accepted by the server → email at the provider, ${s.count} of ${accepted.size} accepted events matched`);
    console.log(`  p50  ${verdict(s.p50, "≤", 250, 0, " ms")}`);
    console.log(`  p95  ${fmt(s.p95, 0)} ms`);
    console.log(`  p99  ${verdict(s.p99, "≤", 1000, 0, " ms")}`);
    console.log(`  max  ${fmt(s.max, 0)} ms`);
    console.log("  by when the event was accepted:");
    for (const [bucket, xs] of [...byTenSeconds].sort(([a], [b]) => a - b)) {
      const b = summarize(xs);
      console.log(
        `    ${String(bucket * 10).padStart(3)}–${bucket * 10 + 10} s  p50 ${fmt(b.p50, 0)} ms  p99 ${fmt(b.p99, 0)} ms  (${b.count})`,
      );
    }
    return { ...s, matched: s.count, accepted: accepted.size, layout };
  } finally {
    await db.$close();
    await workers?.stop();
    await server.stop();
    await standIn.stop();
  }
}

async function main() {
  const figures: Figures[] = [];
  for (const engine of engines) figures.push(await measure(engine));
  if (engines.length < 2) return;
  const cells = (f: (x: Figures) => string) => figures.map(f);
  console.log(
    "\n" +
      sideBySide(
        `event accepted → email at the provider, ${rate} events/s for ${seconds} s`,
        ["SQLite", "PostgreSQL"],
        [
          ["layout", ...cells((x) => x.layout)],
          ["matched / accepted", ...cells((x) => `${x.matched} / ${x.accepted}`)],
          ["p50 ms (≤ 250)", ...cells((x) => `${fmt(x.p50, 0)} ${mark(x.p50 <= 250)}`)],
          ["p95 ms", ...cells((x) => fmt(x.p95, 0))],
          ["p99 ms (≤ 1000)", ...cells((x) => `${fmt(x.p99, 0)} ${mark(x.p99 <= 1000)}`)],
          ["max ms", ...cells((x) => fmt(x.max, 0))],
        ],
      ),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
