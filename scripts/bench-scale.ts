/*
 * Does the delivery log stay fast as messages pile up? Fills a temp database
 * to 1k, 100k and 1M messages, starts the production build on it (`next
 * start`, WORKER=off, TEST_MODE=1), signs in as Acme's admin and measures the
 * time to first byte of the delivery log's first page (unfiltered and with
 * each kind of filter) and of Report settings: the median of `--requests`
 * requests per page after three warm-up rounds, taken round-robin, per size.
 *
 *   npx tsx scripts/bench-scale.ts [--sizes 1000,100000,1000000] [--requests 10] [--check]
 *
 * Targets: every page flat within 1.5× from 1k to 1M (1M / 1k ≤ 1.5), and the
 * log's first page under 300 ms at 1M. --check exits 1 on a miss. A filtered
 * page that is not full at 1k (2 % failed of 1k is 18 rows, not 50) is judged
 * from the first size where it shows as many rows as at 1M, so rendering more
 * rows is not mistaken for a slower query; the raw ratio is printed beside it.
 *
 * The data: 90 % Acme, 10 % Globex; types, CRMs and statuses in realistic
 * shares (2 % failed, 0.5 % bounced); one notification per message; messages
 * one every ~8 s so 1M span 90 days up to now. Rendered bodies are left out:
 * neither page reads them. Rows go in through prepared statements, one
 * transaction per 25k, with the triggers that keep message_recipients (the
 * recipient filter's index) in step, as in production.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { flag } from "./bench-lib/args";
import { allowServerOnly } from "./bench-lib/in-process";
import { ensureBuild, startServer } from "./bench-lib/server";
import { fmt, verdict } from "./bench-lib/stats";
import { chromium } from "@playwright/test";

const sizes = (flag("sizes") ?? "1000,100000,1000000")
  .split(",")
  .map(Number)
  .filter((n) => n > 0)
  .sort((a, b) => a - b);
const requests = Number(flag("requests") ?? 10);
const check = process.argv.includes("--check");
const BATCH = 25_000;
const SPAN_MS = 90 * 24 * 3_600_000;

const dir = mkdtempSync(join(tmpdir(), "switchboard-scale-"));
const dbFile = join(dir, "scale.db");
allowServerOnly({ DATABASE_URL: dbFile });
const { openDatabase } = await import("../db/connection");
const { prepareDatabase } = await import("../db/setup");

const PAGES: { name: string; path: string }[] = [
  { name: "log, first page", path: "/notifications" },
  { name: "log, status failed", path: "/notifications?status=failed" },
  { name: "log, type + CRM", path: "/notifications?kind=mapping_errors&provider=salesforce" },
  { name: "log, recipient", path: "/notifications?recipient=supervisor%40acme.test" },
  { name: "log, recipient + failed", path: "/notifications?recipient=supervisor%40acme.test&status=failed" },
  { name: "Report settings", path: "/account/report-settings" },
];

// ── data ────────────────────────────────────────────────────────────────────

let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
function pick<T>(weighted: [T, number][]): T {
  let r = random() * weighted.reduce((s, [, w]) => s + w, 0);
  for (const [value, w] of weighted) if ((r -= w) < 0) return value;
  return weighted[0][0];
}
const KINDS: [string, number][] = [
  ["sync_report", 50],
  ["mapping_errors", 20],
  ["test", 10],
  ["reauth_required", 5],
  ["reauth_reminder", 2],
  ["auth_restored", 3],
  ["integration_enabled", 5],
  ["integration_disabled", 5],
];
const PROVIDERS: [string, number][] = [
  ["hubspot", 50],
  ["salesforce", 40],
  ["zoho", 10],
];
const STATUSES: [string, number][] = [
  ["sent", 70],
  ["delivered", 25],
  ["failed", 2],
  ["delivery_delayed", 1],
  ["queued", 1.3],
  ["bounced", 0.5],
  ["complained", 0.2],
];

function fill(db: ReturnType<typeof openDatabase>, from: number, to: number, newestAt: number, total: number) {
  const step = SPAN_MS / total;
  const c = db.$client;
  const bounce = c.prepare(
    `insert into recipient_bounces (company_id, email, bounced_at, message_id, description) values (?, ?, ?, ?, 'Permanent (General): 550 5.1.1 user unknown')
     on conflict (company_id, email) do update set bounced_at = excluded.bounced_at, message_id = excluded.message_id where bounced_at <= excluded.bounced_at`,
  );
  const notification = c.prepare(
    "insert into notifications (id, company_id, provider, kind, props, record_count, created_at) values (?, ?, ?, ?, '{}', 0, ?)",
  );
  const message = c.prepare(
    `insert into messages (id, notification_id, company_id, kind, provider, part, "to", bcc, status, transport, idempotency_key,
       attempts, provider_message_id, last_error, subject, bounce_info, planned_at, sent_at, updated_at)
     values (?, ?, ?, ?, ?, 1, ?, ?, ?, 'resend', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (let start = from; start < to; start += BATCH) {
    c.transaction(() => {
      for (let i = start; i < Math.min(to, start + BATCH); i++) {
        const acme = random() < 0.9;
        const company = acme ? "acme" : "globex";
        const kind = pick(KINDS);
        const provider = kind === "test" ? null : pick(PROVIDERS);
        const status = pick(STATUSES);
        const at = Math.round(newestAt - (total - 1 - i) * step);
        const recipients = acme
          ? ["admin@acme.test", ...(random() < 0.3 ? ["supervisor@acme.test"] : []), ...(random() < 0.1 ? ["billing@acme.test"] : [])]
          : ["admin@globex.test"];
        const id = `msg_s${String(i).padStart(8, "0")}`;
        const ntf = `ntf_s${String(i).padStart(8, "0")}`;
        const sent = status !== "queued" && status !== "failed";
        notification.run(ntf, company, provider, kind, at);
        message.run(
          id,
          ntf,
          company,
          kind,
          provider,
          JSON.stringify(recipients),
          random() < 0.8 ? "escalations@switchboard.local" : null,
          status,
          id,
          status === "queued" ? 0 : 1,
          sent ? `re_${id}` : null,
          status === "failed" ? "422 validation_error: The to address is invalid." : null,
          `${provider ?? "Switchboard"}: ${kind.replace(/_/g, " ")} #${i}`,
          status === "bounced"
            ? JSON.stringify({
                at: new Date(at + 60_000).toISOString(),
                type: "Permanent",
                subType: "General",
                message: "550 5.1.1 user unknown",
                addresses: [recipients[0]],
              })
            : null,
          at,
          sent ? at + 400 : null,
          at,
        );
        if (status === "bounced") bounce.run(company, recipients[0], at + 60_000, id); // as the delivery webhook records it
      }
    })();
  }
  c.pragma("wal_checkpoint(TRUNCATE)");
}

// ── server ──────────────────────────────────────────────────────────────────

/** Signs in through the real sign-in page (the only way in: better-auth's HTTP routes are not mounted). */
async function signIn(url: string): Promise<string> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${url}/sign-in`);
    await page.getByLabel("Email").fill("admin@acme.test");
    await page.getByLabel("Password").fill("switchboard-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Sign out" }).waitFor();
    const cookies = await page.context().cookies(url);
    return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  } finally {
    await browser.close();
  }
}

/** Milliseconds to the first byte of the body (the page is rendered before anything is sent), and the log rows it shows. */
async function ttfb(url: string, cookie: string): Promise<{ ms: number; rows: number }> {
  const started = performance.now();
  const res = await fetch(url, { headers: { cookie }, redirect: "manual" });
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const first = await reader.read();
  const ms = performance.now() - started;
  let html = decoder.decode(first.value, { stream: true });
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) html += decoder.decode(chunk.value, { stream: true });
  return { ms, rows: html.match(/href="\/notifications\/[^"#]+#message-msg_/g)?.length ?? 0 };
}

const median = (values: number[]) => {
  const s = values.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// ── run ─────────────────────────────────────────────────────────────────────

ensureBuild();
const db = openDatabase(dbFile);
await prepareDatabase(db, { seedDemoWhenEmpty: true });
const total = sizes.at(-1)!;
const newestAt = Date.now();
const results: { size: number; fillMs: number; mb: number; ms: number[]; rows: number[] }[] = [];
let filled = 0;
try {
  for (const size of sizes) {
    const fillStarted = performance.now();
    // rows are numbered against the largest size, so each stage adds OLDER history behind the same newest messages
    fill(db, total - size, total - filled, newestAt, total);
    filled = size;
    const fillMs = performance.now() - fillStarted;
    const mb = (statSync(dbFile).size + (statSync(`${dbFile}-wal`, { throwIfNoEntry: false })?.size ?? 0)) / 1_048_576;
    const app = await startServer({ dbFile, env: { TEST_MODE: "1" } });
    try {
      const cookie = await signIn(app.url);
      // warm every page first (JIT, page cache), then take the samples round-robin so background load hits every page alike
      for (let i = 0; i < 3; i++) for (const page of PAGES) await ttfb(`${app.url}${page.path}`, cookie);
      const samples: number[][] = PAGES.map(() => []);
      const rows: number[] = PAGES.map(() => 0);
      for (let round = 0; round < requests; round++) {
        for (const [p, page] of PAGES.entries()) {
          const sample = await ttfb(`${app.url}${page.path}`, cookie);
          samples[p].push(sample.ms);
          rows[p] = sample.rows;
        }
      }
      const ms = samples.map(median);
      results.push({ size, fillMs, mb, ms, rows });
      console.log(
        `${size.toLocaleString("en-US")} messages: filled in ${fmt(fillMs / 1000)} s, ${fmt(mb, 0)} MB; ` +
          PAGES.map((p, i) => `${p.name} ${fmt(ms[i])} ms${p.path.startsWith("/notifications") ? ` (${rows[i]} rows)` : ""}`).join(" · "),
      );
    } finally {
      await app.stop();
    }
  }
} finally {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
}

// ── report ──────────────────────────────────────────────────────────────────

const header = ["page (median TTFB, ms [rows])", ...results.map((r) => r.size.toLocaleString("en-US")), "largest / smallest"];
const rows = PAGES.map((p, i) => [
  p.name,
  ...results.map((r) => `${fmt(r.ms[i])}${p.path.startsWith("/notifications") ? ` [${r.rows[i]}]` : ""}`),
  fmt(results.at(-1)!.ms[i] / results[0].ms[i], 2),
]);
const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ");
console.log(`\n${line(header)}\n${widths.map((w) => "─".repeat(w)).join("  ")}\n${rows.map(line).join("\n")}\n`);

const smallest = results[0];
const largest = results.at(-1)!;
const n = (size: number) => size.toLocaleString("en-US");
let ok = true;
for (const [i, p] of PAGES.entries()) {
  // Compare like with like: a filtered page that is not full yet at the smallest size renders fewer rows there,
  // so its flatness is judged from the first size at which it shows as many rows as at the largest.
  const base = results.find((r) => r.rows[i] === largest.rows[i]) ?? smallest;
  const ratio = largest.ms[i] / base.ms[i];
  ok &&= ratio <= 1.5;
  const raw =
    base === smallest
      ? ""
      : `  (the ${n(smallest.size)} page has ${smallest.rows[i]} rows, ${n(largest.size)} has ${largest.rows[i]}; raw ${n(largest.size)} / ${n(smallest.size)} = ${fmt(largest.ms[i] / smallest.ms[i], 2)}×)`;
  console.log(`${p.name}: ${n(largest.size)} / ${n(base.size)} = ${verdict(ratio, "≤", 1.5, 2, "×")}${raw}`);
}
const firstPage = largest.ms[0];
ok &&= firstPage < 300;
console.log(`log first page at ${largest.size.toLocaleString("en-US")}: ${verdict(firstPage, "≤", 300, 1, " ms")}`);
if (check && !ok) process.exit(1);
