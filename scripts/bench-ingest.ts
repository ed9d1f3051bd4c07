/*
 * `npm run bench:ingest`: how much POST /api/integration-events costs over a
 * request that does nothing. The production build (`next start`, WORKER=off,
 * fresh database) is driven by autocannon, 50 connections, 3 s warm-up then
 * 15 s, alternating the no-op baseline route and ingestion of signed, unique
 * events of every type: baseline, ingest, baseline, ingest.
 *
 *   --seconds N      measured duration per run (default 15)
 *   --connections N  (default 50)
 *   --cpu-prof DIR   run the server under `node --cpu-prof`, profiles in DIR
 *   --db ENGINE      sqlite (default) or postgres: a throw-away, durable PostgreSQL on the same machine
 */
import autocannon, { type Result } from "autocannon";
import { BENCH_EVENTS_SECRET, benchEngine, startServer } from "./bench-lib/server";
import { signedPool, type SignedRequest } from "./bench-lib/event-pool";
import { fmt, verdict } from "./bench-lib/stats";
import { flag } from "./bench-lib/args";

const seconds = Number(flag("seconds") ?? 15);
const connections = Number(flag("connections") ?? 50);
const cpuProf = flag("cpu-prof");
const engine = benchEngine(flag("db"));
// PostgreSQL answers over a socket, on the same two cores as the server: its own targets (issue text, README)
const target = engine === "postgres" ? { ratio: 0.6, p99: 150 } : { ratio: 0.8, p99: 100 };
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

async function main() {
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
    const noop = `${server.url}/api/bench/noop`;
    const ingest = `${server.url}/api/integration-events`;
    // The pool is sized from the first baseline so ingestion never runs out of unique ids.
    let capacity = 0;
    for (const label of ["baseline", "ingest", "baseline", "ingest"] as const) {
      if (label === "baseline") {
        const sample = signedPool(BENCH_EVENTS_SECRET, 64);
        await pooled(noop, sample, WARMUP_S);
        const r = describe(label, await pooled(noop, sample, seconds), 202);
        capacity = Math.max(capacity, r.rps);
        runs.push(r);
      } else {
        // ids must not repeat: one pool per run, big enough for the warm-up and the run at baseline speed
        const pool = signedPool(BENCH_EVENTS_SECRET, Math.ceil(capacity * (seconds + WARMUP_S) * 1.2) + 1_000);
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
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
