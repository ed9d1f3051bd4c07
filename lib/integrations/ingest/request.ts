import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { env } from "@/lib/env";
import { jsonDepth, MAX_JSON_DEPTH, parseIntegrationEvent, type FieldIssue, type IntegrationEvent } from "./events";

/*
 * The HTTP edge of event ingestion (SPEC R17, R19; CONVENTIONS rule 8): size
 * cap and body deadline, content type, Standard Webhooks signature over the raw bytes exactly
 * as received, then decoding and validation. Each step either yields the next
 * value or a client error; nothing here touches the database.
 */

export const MAX_EVENT_BYTES = 1024 * 1024;
const WEBHOOK_ID = /^[\x21-\x7e]{1,255}$/;

/** Headers for a rejection: after 408 the rest of the body may still be on its way, so the connection is not reused. */
export function rejectionHeaders(status: Rejection["status"]): HeadersInit | undefined {
  return status === 408 ? { connection: "close" } : undefined;
}

export type Rejection = { status: 400 | 401 | 408 | 413 | 415; error: string; issues?: FieldIssue[] };
type Step<T> = { ok: true; value: T } | { ok: false; rejection: Rejection };

const reject = (status: Rejection["status"], error: string, issues?: FieldIssue[]): { ok: false; rejection: Rejection } => ({
  ok: false,
  rejection: { status, error, ...(issues ? { issues } : {}) },
});

const tooLarge = () => reject(413, `The body exceeds ${MAX_EVENT_BYTES} bytes (1 MiB).`);

export function checkContentType(headers: Headers): Step<null> {
  const type = headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") return reject(415, "Content-Type must be application/json.");
  return { ok: true, value: null };
}

/**
 * Reads the body, refusing early on a declared or actual size above the cap,
 * and giving up when the whole body has not arrived within `timeoutMs`: a
 * sender that trickles or stalls would otherwise hold the request (and its
 * socket) until Node's own request timeout, minutes later.
 */
export async function readCappedBody(
  request: Request,
  { max = MAX_EVENT_BYTES, timeoutMs = env.REQUEST_BODY_TIMEOUT_MS }: { max?: number; timeoutMs?: number } = {},
): Promise<Step<Uint8Array>> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > max) return tooLarge();
  if (!request.body) return { ok: true, value: new Uint8Array(0) };
  const reader = request.body.getReader();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  try {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array> | "timeout";
      try {
        chunk = await Promise.race([reader.read(), deadline]);
      } catch {
        return reject(400, "The request body could not be read (connection closed early).");
      }
      if (chunk === "timeout") {
        // not awaited: cancelling a request stream the client still holds open resolves only when it closes
        void reader.cancel().catch(() => undefined);
        return reject(408, `The request body did not arrive within ${formatSeconds(timeoutMs)}.`);
      }
      const { done, value } = chunk;
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        void reader.cancel().catch(() => undefined);
        return tooLarge();
      }
      chunks.push(value);
    }
    const body = new Uint8Array(size);
    let offset = 0;
    for (const c of chunks) {
      body.set(c, offset);
      offset += c.byteLength;
    }
    return { ok: true, value: body };
  } finally {
    clearTimeout(timer);
  }
}

const formatSeconds = (ms: number) => (ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`);

let verifier: Webhook | undefined;

/** Verifies the Standard Webhooks headers over the raw bytes; the webhook-id is the event id. */
export function verifySignature(headers: Headers, body: Uint8Array): Step<{ eventId: string }> {
  const id = headers.get("webhook-id");
  const timestamp = headers.get("webhook-timestamp");
  const signature = headers.get("webhook-signature");
  if (!id || !timestamp || !signature) {
    return reject(401, "Missing webhook-id, webhook-timestamp or webhook-signature header.");
  }
  verifier ??= new Webhook(env.INTEGRATION_EVENTS_SECRET);
  try {
    verifier.verify(Buffer.from(body.buffer, body.byteOffset, body.byteLength), {
      "webhook-id": id,
      "webhook-timestamp": timestamp,
      "webhook-signature": signature,
    }, { jsonParse: false });
  } catch (error) {
    if (error instanceof WebhookVerificationError) {
      const stale = /too old|too new/i.test(error.message);
      return reject(401, stale ? "webhook-timestamp is outside the ±5 minute tolerance." : "Invalid webhook signature.");
    }
    return reject(401, "Invalid webhook signature.");
  }
  if (!WEBHOOK_ID.test(id)) {
    return reject(400, "Invalid webhook-id.", [{ path: "webhook-id", message: "1–255 printable ASCII characters" }]);
  }
  return { ok: true, value: { eventId: id } };
}

/** Decodes (strict UTF-8), parses and validates the event body. */
export function decodeEvent(body: Uint8Array): Step<{ event: IntegrationEvent; text: string }> {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(body);
  } catch {
    return reject(400, "Malformed body.", [{ path: "", message: "The body is not valid UTF-8" }]);
  }
  if (jsonDepth(text) > MAX_JSON_DEPTH) {
    return reject(400, "Malformed body.", [{ path: "", message: `JSON nests deeper than ${MAX_JSON_DEPTH} levels` }]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : "parse error";
    return reject(400, "Malformed JSON.", [{ path: "", message: `The body is not valid JSON: ${detail}` }]);
  }
  const parsed = parseIntegrationEvent(value);
  if (!parsed.ok) return reject(400, "The event does not match the schema.", parsed.issues);
  return { ok: true, value: { event: parsed.event, text } };
}
