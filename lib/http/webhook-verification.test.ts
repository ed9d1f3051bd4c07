import { describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import {
  readCappedBody,
  rejectionResponse,
  STANDARD_WEBHOOKS,
  SVIX,
  verifyWebhookSignature,
  type WebhookScheme,
} from "./webhook-verification";

const encoder = new TextEncoder();

/** A POST whose body is produced by `pull`, so a test can send part of it and then stall. */
function streamingRequest(start: (controller: ReadableStreamDefaultController<Uint8Array>) => void, cancelled?: () => void): Request {
  const body = new ReadableStream<Uint8Array>({ start, cancel: () => cancelled?.() });
  return new Request("http://localhost/api/integration-events", { method: "POST", body, duplex: "half" } as RequestInit);
}

describe("readCappedBody", () => {
  it("reads a body that arrives in time", async () => {
    const request = streamingRequest((c) => {
      c.enqueue(encoder.encode('{"a":'));
      setTimeout(() => {
        c.enqueue(encoder.encode("1}"));
        c.close();
      }, 10);
    });
    const result = await readCappedBody(request, { timeoutMs: 1_000 });
    expect(result).toEqual({ ok: true, value: encoder.encode('{"a":1}') });
  });

  it("answers 408 when the body stalls after its first bytes, and stops reading", async () => {
    let cancelled = false;
    const request = streamingRequest(
      (c) => c.enqueue(encoder.encode('{"type":"integration.')),
      () => (cancelled = true),
    );
    const started = performance.now();
    const result = await readCappedBody(request, { timeoutMs: 100 });
    const waited = performance.now() - started;
    expect(result).toEqual({ ok: false, rejection: { status: 408, error: "The request body did not arrive within 0.1 s." } });
    expect(waited).toBeGreaterThanOrEqual(90);
    expect(waited).toBeLessThan(1_000);
    expect(cancelled).toBe(true);
  });

  it("counts the deadline for the whole body, so a trickle that never stops is cut off too", async () => {
    let timer: NodeJS.Timeout | undefined;
    const request = streamingRequest(
      (c) => {
        timer = setInterval(() => c.enqueue(encoder.encode(" ")), 10);
      },
      () => clearInterval(timer),
    );
    const result = await readCappedBody(request, { timeoutMs: 150 });
    clearInterval(timer);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.rejection.status).toBe(408);
  });

  it("still refuses a body over the cap with 413", async () => {
    const request = streamingRequest((c) => {
      c.enqueue(new Uint8Array(20));
      c.close();
    });
    const result = await readCappedBody(request, { max: 10, timeoutMs: 1_000 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.rejection.status).toBe(413);
  });
});

describe("verifyWebhookSignature", () => {
  const SECRET = "whsec_" + Buffer.from("webhook-verification-test-secret-0123").toString("base64");
  const body = encoder.encode('{"type":"integration.connected"}');
  const headersFor = (prefix: string, { id = "evt_1", at = new Date(), secret = SECRET } = {}) =>
    new Headers({
      [`${prefix}-id`]: id,
      [`${prefix}-timestamp`]: String(Math.floor(at.getTime() / 1000)),
      [`${prefix}-signature`]: new Webhook(secret).sign(id, at, Buffer.from(body)),
    });
  const verify = (scheme: WebhookScheme, headers: Headers, bytes = body) =>
    verifyWebhookSignature({ scheme, secret: SECRET, headers, body: bytes });

  it("returns the sender's id for a signature over the exact bytes, in either scheme's headers", () => {
    expect(verify(STANDARD_WEBHOOKS, headersFor("webhook"))).toEqual({ ok: true, value: { id: "evt_1" } });
    expect(verify(SVIX, headersFor("svix"))).toEqual({ ok: true, value: { id: "evt_1" } });
    expect(verify(SVIX, headersFor("webhook"))).toEqual({ ok: true, value: { id: "evt_1" } });
  });

  it("names the scheme's own headers when refusing", () => {
    expect(verify(STANDARD_WEBHOOKS, headersFor("svix"))).toEqual({
      ok: false,
      rejection: { status: 401, error: "Missing webhook-id, webhook-timestamp or webhook-signature header." },
    });
    const stale = { at: new Date(Date.now() - 10 * 60_000) };
    expect(verify(STANDARD_WEBHOOKS, headersFor("webhook", stale))).toEqual({
      ok: false,
      rejection: { status: 401, error: "webhook-timestamp is outside the ±5 minute tolerance." },
    });
    expect(verify(SVIX, headersFor("svix", stale))).toEqual({
      ok: false,
      rejection: { status: 401, error: "svix-timestamp is outside the ±5 minute tolerance." },
    });
  });

  it("refuses a changed body or another secret as an invalid signature, and an unprintable id with 400", () => {
    const invalid = { ok: false, rejection: { status: 401, error: "Invalid webhook signature." } };
    expect(verify(STANDARD_WEBHOOKS, headersFor("webhook"), encoder.encode('{"type":"integration.disabled"}'))).toEqual(invalid);
    const other = "whsec_" + Buffer.from("another-secret-entirely-0123456789").toString("base64");
    expect(verify(STANDARD_WEBHOOKS, headersFor("webhook", { secret: other }))).toEqual(invalid);
    expect(verify(STANDARD_WEBHOOKS, headersFor("webhook", { id: "evt 1" }))).toEqual({
      ok: false,
      rejection: {
        status: 400,
        error: "Invalid webhook-id.",
        issues: [{ path: "webhook-id", message: "1–255 printable ASCII characters" }],
      },
    });
  });
});

describe("rejectionResponse", () => {
  it("answers the rejection as JSON and closes the connection after a 408", async () => {
    const slow = rejectionResponse({ status: 408, error: "late" });
    expect(slow.status).toBe(408);
    expect(slow.headers.get("connection")).toBe("close");
    expect(await slow.json()).toEqual({ error: "late" });
    const invalid = rejectionResponse({ status: 400, error: "bad", issues: [{ path: "", message: "m" }] });
    expect(invalid.headers.get("connection")).toBeNull();
    expect(await invalid.json()).toEqual({ error: "bad", issues: [{ path: "", message: "m" }] });
  });
});
