import { createHmac } from "node:crypto";
import type { DB } from "@/db/connection";
import { auditLog, events, messages, notificationRecords, notifications, scheduledJobs } from "@/db/schema";

/*
 * The fault suite's two sizes: the default (part of `npm test`, a couple of
 * minutes) and FAULTS_FULL=1 (`npm run test:faults` with it set: 200 events/s
 * for 60 s through a misbehaving provider).
 */

export const FULL = process.env.FAULTS_FULL === "1";

/** Standard Webhooks signature over raw bytes (also bytes that are not UTF-8). */
export function signBytes(secret: string, id: string, body: Buffer, at = new Date()): Record<string, string> {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const mac = createHmac("sha256", key)
    .update(Buffer.concat([Buffer.from(`${id}.${timestamp}.`), body]))
    .digest("base64");
  return { "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": `v1,${mac}` };
}

export type RowCounts = { events: number; notifications: number; messages: number; records: number; audit: number; jobs: number };

export async function rowCounts(db: DB): Promise<RowCounts> {
  return {
    events: await db.$count(events),
    notifications: await db.$count(notifications),
    messages: await db.$count(messages),
    records: await db.$count(notificationRecords),
    audit: await db.$count(auditLog),
    jobs: await db.$count(scheduledJobs),
  };
}

/** Runs `tasks` with at most `limit` in flight. */
export async function pooled<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const out: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, tasks.length) }, async () => {
      while (next < tasks.length) {
        const i = next++;
        out[i] = await tasks[i]();
      }
    }),
  );
  return out;
}

/** Posts `total` events at `perSecond`, open loop (the schedule, not the server, sets the pace). */
export async function postAtRate<T>({
  total,
  perSecond,
  post,
}: {
  total: number;
  perSecond: number;
  post: (i: number) => Promise<T>;
}): Promise<T[]> {
  const results: Promise<T>[] = [];
  const startedAt = performance.now();
  while (results.length < total) {
    const due = Math.min(total, Math.floor(((performance.now() - startedAt) / 1000) * perSecond) + 1);
    while (results.length < due) results.push(post(results.length));
    await new Promise((r) => setTimeout(r, 5));
  }
  return Promise.all(results);
}

export const WORKER_SECRET_ENV = {
  NODE_ENV: "production",
  APP_SECRET: "pipeline-secret-0123456789-0123456789-0123456789",
  RESEND_API_KEY: "re_test_pipeline",
} as const;
