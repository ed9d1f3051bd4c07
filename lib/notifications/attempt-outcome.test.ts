import { describe, expect, it } from "vitest";
import { decideOutcome, type OutcomePolicy } from "./attempt-outcome";

const policy: OutcomePolicy = { maxAttempts: 3, baseMs: 1000, capMs: 8000, giveUpAfterMs: 24 * 3_600_000, random: () => 1 };
const at = new Date("2026-11-27T12:00:00Z");
const msg = { attempts: 1, idempotencyKey: "msg_1" };

describe("decideOutcome", () => {
  it("a sent attempt records the provider id and counts the attempt", () => {
    const d = decideOutcome(msg, { ok: true, id: "re_1", transport: "resend" }, at, 12, policy);
    expect(d.next).toMatchObject({ status: "sent", attempts: 2, providerMessageId: "re_1", sentAt: at });
    expect(d.attempt).toMatchObject({ outcome: "sent", idempotencyKey: "msg_1" });
  });

  it("a 429 waits for retry-after without using up an attempt", () => {
    const d = decideOutcome(
      msg,
      { ok: false, retryable: true, rateLimited: true, status: 429, retryAfterMs: 2000, error: "slow down" },
      at,
      5,
      policy,
    );
    expect(d.next.status).toBe("queued");
    expect(d.next.attempts).toBe(1);
    expect(d.next.nextAttemptAt!.getTime() - at.getTime()).toBeGreaterThanOrEqual(2000);
    expect(d.attempt.outcome).toBe("rate_limited");
  });

  it("a 5xx retries until the budget is spent, then fails", () => {
    const err = { ok: false as const, retryable: true, rateLimited: false, status: 500, error: "boom" };
    expect(decideOutcome(msg, err, at, 5, policy).next.status).toBe("queued");
    const last = decideOutcome({ ...msg, attempts: 2 }, err, at, 5, policy);
    expect(last.next).toMatchObject({ status: "failed", attempts: 3 });
    expect(last.next.lastError).toContain("gave up after 3 attempts");
  });

  it("a final 4xx, a render error and 24 h unsent all fail at once", () => {
    expect(
      decideOutcome(msg, { ok: false, retryable: false, rateLimited: false, status: 422, error: "bad" }, at, 5, policy).next.status,
    ).toBe("failed");
    expect(decideOutcome(msg, { renderError: "x" }, at, null, policy).next.lastError).toBe("Rendering failed: x");
    expect(decideOutcome(msg, { expired: true }, at, null, policy).next.lastError).toContain("24 h");
  });
});
