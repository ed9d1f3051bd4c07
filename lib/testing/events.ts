import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { randomUUID } from "node:crypto";
import { Webhook } from "standardwebhooks";

/*
 * Integration events for tests: the shared fixtures with their times shifted
 * to "now" (docs/product §8), signed with the Standard Webhooks scheme like an
 * integration worker signs them.
 */

export const FIXTURES_DIR = process.env.EVENT_FIXTURES_DIR ?? fileURLToPath(new URL("../../e2e/fixtures/events", import.meta.url));
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type EventBody = { type: string; companyId: string; provider: string; occurredAt: string; data: any };

export function loadFixture(name: string): EventBody {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, name.endsWith(".json") ? name : `${name}.json`), "utf8"));
}

/** Moves every timestamp in the body by the same amount, so occurredAt becomes `now` and relative times stay. */
export function shiftToNow<T>(body: T & { occurredAt: string }, now = new Date()): T {
  const delta = now.getTime() - Date.parse(body.occurredAt);
  const shift = (value: unknown): unknown => {
    if (typeof value === "string" && ISO.test(value)) return new Date(Date.parse(value) + delta).toISOString();
    if (Array.isArray(value)) return value.map(shift);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shift(v)]));
    return value;
  };
  return shift(body) as T;
}

export function fixtureNow(name: string, now = new Date()): EventBody {
  return shiftToNow(loadFixture(name), now);
}

export function signHeaders({
  secret,
  id = `evt_${randomUUID()}`,
  body,
  timestamp = new Date(),
}: {
  secret: string;
  id?: string;
  body: string | Buffer;
  timestamp?: Date;
}): Record<string, string> {
  const signature = new Webhook(secret).sign(id, timestamp, typeof body === "string" ? body : body.toString());
  return { "webhook-id": id, "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)), "webhook-signature": signature };
}

/** POSTs a signed event; `raw` overrides the JSON body bytes, `headers` override or add headers. */
export async function postEvent(
  baseUrl: string,
  {
    secret,
    body,
    raw,
    id,
    timestamp,
    headers = {},
  }: { secret: string; body?: unknown; raw?: string | Buffer; id?: string; timestamp?: Date; headers?: Record<string, string> },
): Promise<{ status: number; json: Record<string, unknown> | null; id: string }> {
  const payload = raw ?? JSON.stringify(body);
  const signed = signHeaders({ secret, id, body: payload, timestamp });
  const res = await fetch(`${baseUrl}/api/integration-events`, {
    method: "POST",
    headers: { "content-type": "application/json", ...signed, ...headers },
    body: typeof payload === "string" ? payload : new Uint8Array(payload),
  });
  const text = await res.text();
  let json: Record<string, unknown> | null = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, json, id: signed["webhook-id"] };
}
