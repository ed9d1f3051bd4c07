import { describe, expect, it } from "vitest";
import { readCappedBody } from "./request";

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
