import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { env } from "@/lib/env";

/*
 * The HTTP edge every signed webhook shares (docs/conventions.md rule 8): the raw
 * body read with a size cap and a deadline, then the signature checked over
 * those bytes exactly as received, before anything is parsed. Both schemes
 * are Standard Webhooks: integration events use its own `webhook-*` headers;
 * Resend signs with Svix, the same scheme under `svix-*` names (the check
 * the resend SDK's `webhooks.verify` runs, done with standardwebhooks
 * directly because the SDK client cannot be built without an API key, and a
 * deployment may receive webhooks while sending through another account).
 * Nothing here touches the database.
 */

const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

type Status = 400 | 401 | 408 | 413 | 415;
export type Rejection<S extends Status = Status> = { status: S; error: string; issues?: { path: string; message: string }[] };
/** A step of the request's checks: the next value, or the client error that ends it. */
export type Step<T, S extends Status = Status> = { ok: true; value: T } | { ok: false; rejection: Rejection<S> };

export const reject = <S extends Status>(
  status: S,
  error: string,
  issues?: Rejection["issues"],
): { ok: false; rejection: Rejection<S> } => ({
  ok: false,
  rejection: { status, error, ...(issues ? { issues } : {}) },
});

/** The JSON answer for a rejection: after 408 the rest of the body may still be on its way, so the connection is not reused. */
export function rejectionResponse({ status, ...body }: Rejection): Response {
  return Response.json(body, { status, headers: status === 408 ? { connection: "close" } : undefined });
}

const tooLarge = () => reject(413, `The body exceeds ${MAX_WEBHOOK_BODY_BYTES} bytes (1 MiB).`);

/**
 * Reads the body, refusing early on a declared or actual size above the cap,
 * and giving up when the whole body has not arrived within `timeoutMs`: a
 * sender that trickles or stalls would otherwise hold the request (and its
 * socket) until Node's own request timeout, minutes later.
 */
export async function readCappedBody(
  request: Request,
  { max = MAX_WEBHOOK_BODY_BYTES, timeoutMs = env.REQUEST_BODY_TIMEOUT_MS }: { max?: number; timeoutMs?: number } = {},
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

/**
 * Which headers carry a scheme's id, timestamp and signature: the first
 * prefix names them in messages, later ones are accepted too.
 */
export type WebhookScheme = { prefixes: readonly [string, ...string[]] };

export const STANDARD_WEBHOOKS: WebhookScheme = { prefixes: ["webhook"] };
// Resend's documentation names the svix-* headers; Svix also sends the standard names
export const SVIX: WebhookScheme = { prefixes: ["svix", "webhook"] };

const WEBHOOK_ID = /^[\x21-\x7e]{1,255}$/;

// one per configured secret (the events secret and Resend's): building one decodes the key
const verifiers = new Map<string, Webhook>();

function verifierFor(secret: string): Webhook {
  let verifier = verifiers.get(secret);
  if (!verifier) {
    verifier = new Webhook(secret);
    verifiers.set(secret, verifier);
  }
  return verifier;
}

/**
 * Verifies a Standard Webhooks signature over the raw bytes (±5 minutes of
 * clock skew, the library's tolerance) and returns the sender's message id,
 * which the caller uses to de-duplicate.
 */
export function verifyWebhookSignature({
  scheme,
  secret,
  headers,
  body,
}: {
  scheme: WebhookScheme;
  secret: string;
  headers: Headers;
  body: Uint8Array;
}): Step<{ id: string }, 400 | 401> {
  const [prefix] = scheme.prefixes;
  const header = (name: string) => scheme.prefixes.reduce<string | null>((found, p) => found ?? headers.get(`${p}-${name}`), null);
  const id = header("id");
  const timestamp = header("timestamp");
  const signature = header("signature");
  if (!id || !timestamp || !signature) {
    return reject(401, `Missing ${prefix}-id, ${prefix}-timestamp or ${prefix}-signature header.`);
  }
  try {
    verifierFor(secret).verify(
      Buffer.from(body.buffer, body.byteOffset, body.byteLength),
      { "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": signature },
      { jsonParse: false },
    );
  } catch (error) {
    const stale = error instanceof WebhookVerificationError && /too old|too new/i.test(error.message);
    return reject(401, stale ? `${prefix}-timestamp is outside the ±5 minute tolerance.` : "Invalid webhook signature.");
  }
  if (!WEBHOOK_ID.test(id)) {
    return reject(400, `Invalid ${prefix}-id.`, [{ path: `${prefix}-id`, message: "1–255 printable ASCII characters" }]);
  }
  return { ok: true, value: { id } };
}
