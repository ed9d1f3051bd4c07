/*
 * `npm run bench:sender`: does the worker pace its sends to the provider's
 * rate limit instead of bouncing off it? A backlog of 600 messages (planned
 * by ingesting 600 sync reports in-process into a fresh temp database) is
 * drained by the real outbox worker through the real Resend SDK against the
 * local stand-in, which enforces 5 requests/s (token bucket, 429 +
 * retry-after past it). Prints achieved emails/s ÷ 5 (target ≥ 0.9) and
 * checks that no message was lost or sent twice.
 *
 *   --messages N   backlog size (default 600)
 *   --limit N      the stand-in's requests per second (default 5)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, ne, sql } from "drizzle-orm";
import { ResendStandIn } from "../lib/testing/resend-stand-in";
import { allowServerOnly } from "./bench-lib/in-process";
import { eventTemplates } from "./bench-lib/event-pool";
import { flag } from "./bench-lib/args";
import { fmt, verdict } from "./bench-lib/stats";

const total = Number(flag("messages") ?? 600);
const limit = Number(flag("limit") ?? 5);

async function main() {
  const standIn = await ResendStandIn.start();
  standIn.limitRate(limit);
  const dir = mkdtempSync(join(tmpdir(), "switchboard-sender-"));
  allowServerOnly({
    DATABASE_URL: join(dir, "sender.db"),
    RESEND_API_KEY: "re_bench_sender",
    RESEND_BASE_URL: standIn.url,
    DELIVERY_TIMEOUT_MS: "5000",
    DELIVERY_BACKOFF_BASE_MS: "200",
    DELIVERY_BACKOFF_CAP_MS: "2000",
  });
  const { db } = await import("@/db/client");
  const { messages } = await import("@/db/schema");
  const { prepareDatabase } = await import("@/db/setup");
  const { ingestEvent } = await import("@/lib/integrations/ingest/accept");
  const { parseIntegrationEvent } = await import("@/lib/integrations/ingest/events");
  const { createDeliveryWorker } = await import("@/lib/delivery-worker");
  const { env } = await import("@/lib/env");
  await prepareDatabase(db, { seedDemoWhenEmpty: true });

  // sync reports of the connected integrations: one message each (≤ 50 recipients)
  const syncs = eventTemplates().filter((t) => t.type === "sync.completed");
  for (let i = 0; (await db.$count(messages)) < total; i++) {
    const body = JSON.stringify(syncs[i % syncs.length]);
    const parsed = parseIntegrationEvent(JSON.parse(body));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    await ingestEvent({ eventId: `evt_sender_${i}`, body, event: parsed.event, now: new Date() });
  }
  const planned = await db.$count(messages);
  console.log(
    `backlog: ${planned} queued messages; stand-in limit ${limit} requests/s; worker pace ceiling RESEND_RATE_LIMIT_PER_SEC=${env.RESEND_RATE_LIMIT_PER_SEC}`,
  );

  const worker = createDeliveryWorker({ log: () => undefined });
  const startedAt = performance.now();
  worker.start();
  const unsent = () => db.$count(messages, ne(messages.status, "sent"));
  for (let tick = 0; (await unsent()) > 0; tick++) {
    await new Promise((r) => setTimeout(r, 250));
    if (tick % 8 === 0) process.stdout.write(`\r  sent ${standIn.emails.length}/${planned}`);
  }
  const elapsedS = (performance.now() - startedAt) / 1000;
  await worker.stop();
  process.stdout.write("\n");

  const keys = standIn.emails.map((e) => e.idempotencyKey);
  const distinct = new Set(keys).size;
  const rejected = standIn.requests.filter((r) => r.status === 429).length;
  const failed = await db.$count(messages, eq(messages.status, "failed"));
  const [{ counted }] = await db.select({ counted: sql<number>`coalesce(sum(${messages.attempts}), 0)`.mapWith(Number) }).from(messages);
  const perSecond = standIn.emails.length / elapsedS;
  console.log(`drained ${planned} messages in ${fmt(elapsedS)} s: ${fmt(perSecond, 2)} emails/s`);
  console.log(`  efficiency emails/s ÷ ${limit}   ${verdict(perSecond / limit, "≥", 0.9)}`);
  console.log(`  429 answers                ${rejected} of ${standIn.requests.length} requests`);
  console.log(
    `  emails received            ${standIn.emails.length}, distinct idempotency keys ${distinct} (expected ${planned})  ${distinct === planned && keys.length === planned ? "PASS" : "FAIL"}`,
  );
  console.log(`  failed messages            ${failed}; counted attempts ${counted} (a 429 does not count)`);
  db.$client.close();
  await standIn.stop();
  rmSync(dir, { recursive: true, force: true });
  if (distinct !== planned || keys.length !== planned || failed > 0) process.exit(1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
