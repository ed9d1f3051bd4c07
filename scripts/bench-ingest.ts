/*
 * `npm run bench:ingest`: how much POST /api/integration-events costs over a
 * request that does nothing. The production build (`next start`, WORKER=off,
 * fresh database) is driven by autocannon, 50 connections, 3 s warm-up then
 * 15 s, alternating the no-op baseline route and ingestion of signed, unique
 * events of every type: baseline, ingest, baseline, ingest.
 *
 *   --seconds N      measured duration per run (default 15)
 *   --connections N  (default 50)
 *   --tenants N      PostgreSQL only: spread the events over N added tenants (HubSpot and
 *                    Salesforce connected each) instead of the three demo integrations; an
 *                    accepted event locks its integration's row (docs/decisions/0010), so
 *                    three integrations under 50 connections measure that lock's queue
 *   --cpu-prof DIR   run the server under `node --cpu-prof`, profiles in DIR
 *   --db ENGINE      sqlite, postgres or both (default): PostgreSQL is a throw-away, durable
 *                    server on the same machine; with both, the two are measured one after
 *                    the other and their figures printed side by side at the end
 */
import autocannon, { type Result } from "autocannon";
import { BENCH_EVENTS_SECRET, benchEngines, startServer, type BenchEngine } from "./bench-lib/server";
import pg from "pg";
import { eventTemplates, signedPool, type SignedRequest } from "./bench-lib/event-pool";
import { addCompanies, TENANT_CONNECTED_PROVIDERS } from "../lib/testing/pg-tenants";
import { fmt, mark, sideBySide, verdict } from "./bench-lib/stats";
import { flag } from "./bench-lib/args";

const seconds = Number(flag("seconds") ?? 15);
const connections = Number(flag("connections") ?? 50);
const cpuProf = flag("cpu-prof");
const tenants = Number(flag("tenants") ?? 0);
const engines = benchEngines(flag("db"));
// PostgreSQL answers over a socket, on the same two cores as the server: its own targets (issue text, README)
const targets = { sqlite: { ratio: 0.8, p99: 100 }, postgres: { ratio: 0.6, p99: 150 } } as const;
const WARMUP_S = 3;

type Run = { label: "baseline" | "ingest"; rps: number; p50: number; p99: number; ok: number; other: string };

function pooled(url: string, pool: SignedRequest[], duration: number) {
  let next = 0;
  return autocannon({
    url,
    connections,
    duration,
    timeout: 10,
    requests: [
      {
        method: "POST",
        setupRequest: (req) => {
          const r = pool[next++ % pool.length];
          return { ...req, method: "POST", headers: r.headers, body: r.body };
        },
      },
    ],
  });
}

function describe(label: Run["label"], r: Result, expected: number): Run {
  const codes = Object.entries(r.statusCodeStats ?? {})
    .filter(([code]) => Number(code) !== expected)
    .map(([code, s]) => `${s.count}×${code}`);
  if (r.errors) codes.push(`${r.errors} errors`);
  if (r.timeouts) codes.push(`${r.timeouts} timeouts`);
  return {
    label,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    ok: r.statusCodeStats?.[expected]?.count ?? 0,
    other: codes.join(", "),
  };
}

/** The events' templates: the demo integrations, or with --tenants the integrations of that many added tenants. */
async function spreadOver(engine: BenchEngine, databaseUrl: string) {
  if (tenants === 0) return eventTemplates();
  if (engine !== "postgres") throw new Error("--tenants adds tenants on PostgreSQL only: pass --db postgres");
  const sql = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const ids = await addCompanies(sql, tenants);
    console.log(
      `  events spread over ${ids.length} added tenants, ${ids.length * TENANT_CONNECTED_PROVIDERS.length} connected integrations`,
    );
    return eventTemplates(
      new Date(),
      ids.flatMap((companyId) => TENANT_CONNECTED_PROVIDERS.map((provider) => ({ companyId, provider }))),
    );
  } finally {
    await sql.end();
  }
}

type Figures = { baseline: number; ingest: number; baselineP99: number; ingestP50: number; ingestP99: number };

async function measure(engine: BenchEngine): Promise<Figures> {
  const target = targets[engine];
  console.log(`\n== ${engine === "postgres" ? "PostgreSQL" : "SQLite"} ==`);
  const server = await startServer({
    env: { WORKER: "off", BENCH_BASELINE_ROUTE: "1" },
    nodeOptions: cpuProf ? `--cpu-prof --cpu-prof-dir=${cpuProf}` : undefined,
    engine,
  });
  console.log(
    `next start on ${server.url} (pid ${server.pid}), database ${server.dbFile}, ${connections} connections, ${WARMUP_S} s warm-up + ${seconds} s per run`,
  );
  const runs: Run[] = [];
  try {
    const templates = await spreadOver(engine, server.dbFile);
    const noop = `${server.url}/api/bench/noop`;
    const ingest = `${server.url}/api/integration-events`;
    // The pool is sized from the first baseline so ingestion never runs out of unique ids.
    let capacity = 0;
    for (const label of ["baseline", "ingest", "baseline", "ingest"] as const) {
      if (label === "baseline") {
        const sample = signedPool(BENCH_EVENTS_SECRET, 64, templates);
        await pooled(noop, sample, WARMUP_S);
        const r = describe(label, await pooled(noop, sample, seconds), 202);
        capacity = Math.max(capacity, r.rps);
        runs.push(r);
      } else {
        // ids must not repeat: one pool per run, big enough for the warm-up and the run at baseline speed
        const pool = signedPool(BENCH_EVENTS_SECRET, Math.ceil(capacity * (seconds + WARMUP_S) * 1.2) + 1_000, templates);
        await pooled(ingest, pool.slice(0, Math.ceil(capacity * WARMUP_S * 1.2) + 500), WARMUP_S);
        const rest = pool.slice(Math.ceil(capacity * WARMUP_S * 1.2) + 500);
        runs.push(describe(label, await pooled(ingest, rest, seconds), 202));
      }
      const last = runs.at(-1)!;
      console.log(
        `  ${last.label.padEnd(8)} ${fmt(last.rps, 0).padStart(6)} req/s  p50 ${fmt(last.p50, 0)} ms  p99 ${fmt(last.p99, 0)} ms  ${last.ok} × 202${last.other ? `  (other: ${last.other})` : ""}`,
      );
    }
  } finally {
    await server.stop();
  }
  const avg = (label: Run["label"], key: "rps" | "p50" | "p99") => {
    const xs = runs.filter((r) => r.label === label).map((r) => r[key]);
    return xs.reduce((a, b) => a + b, 0) / xs.length;
  };
  const baseline = avg("baseline", "rps");
  const ingestRps = avg("ingest", "rps");
  const unexpected = runs.filter((r) => r.label === "ingest" && r.other).map((r) => r.other);
  console.log("\nPOST /api/integration-events vs the no-op baseline (means of the two runs each)");
  console.log(
    `  baseline   ${fmt(baseline, 0)} req/s   p50 ${fmt(avg("baseline", "p50"), 0)} ms   p99 ${fmt(avg("baseline", "p99"), 0)} ms`,
  );
  console.log(`  ingestion  ${fmt(ingestRps, 0)} req/s   p50 ${fmt(avg("ingest", "p50"), 0)} ms   p99 ${fmt(avg("ingest", "p99"), 0)} ms`);
  console.log(`  ratio ingestion ÷ baseline  ${verdict(ingestRps / baseline, "≥", target.ratio)}`);
  console.log(`  ingestion p99               ${verdict(avg("ingest", "p99"), "≤", target.p99, 0, " ms")}`);
  if (unexpected.length) console.log(`  non-202 ingestion answers: ${unexpected.join("; ")}`);
  if (cpuProf) console.log(`  CPU profiles of the server in ${cpuProf}`);
  return {
    baseline,
    ingest: ingestRps,
    baselineP99: avg("baseline", "p99"),
    ingestP50: avg("ingest", "p50"),
    ingestP99: avg("ingest", "p99"),
  };
}

async function main() {
  const figures: Figures[] = [];
  for (const engine of engines) figures.push(await measure(engine));
  if (engines.length < 2) return;
  const cells = (f: (x: Figures, engine: BenchEngine) => string) => engines.map((e, i) => f(figures[i], e));
  console.log(
    "\n" +
      sideBySide(
        "POST /api/integration-events, both engines",
        ["SQLite", "PostgreSQL"],
        [
          ["no-op baseline req/s", ...cells((x) => fmt(x.baseline, 0))],
          ["ingestion req/s", ...cells((x) => fmt(x.ingest, 0))],
          [
            "ratio (target)",
            ...cells(
              (x, e) => `${fmt(x.ingest / x.baseline, 2)} (≥ ${targets[e].ratio}) ${mark(x.ingest / x.baseline >= targets[e].ratio)}`,
            ),
          ],
          ["ingestion p50 ms", ...cells((x) => fmt(x.ingestP50, 0))],
          [
            "ingestion p99 ms (target)",
            ...cells((x, e) => `${fmt(x.ingestP99, 0)} (≤ ${targets[e].p99}) ${mark(x.ingestP99 <= targets[e].p99)}`),
          ],
        ],
      ),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
