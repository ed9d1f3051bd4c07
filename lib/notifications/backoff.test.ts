import { describe, expect, it } from "vitest";
import { backoffDelay, nextAttemptDelay, parseRetryAfter } from "./backoff";

describe("backoffDelay", () => {
  const base = { baseMs: 1_000, capMs: 60_000 };
  it("doubles the ceiling per attempt and caps it", () => {
    const top = (attempt: number) => backoffDelay({ ...base, attempt, random: () => 0.999999 });
    expect([1, 2, 3, 4, 5, 6, 7].map(top)).toEqual([999, 1_999, 3_999, 7_999, 15_999, 31_999, 59_999]);
    expect(top(50)).toBe(59_999);
  });

  it("is full jitter: anywhere from 0 up to the ceiling", () => {
    expect(backoffDelay({ ...base, attempt: 3, random: () => 0 })).toBe(0);
    expect(backoffDelay({ ...base, attempt: 3, random: () => 0.5 })).toBe(2_000);
    const samples = Array.from({ length: 2_000 }, () => backoffDelay({ ...base, attempt: 4 }));
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...samples)).toBeLessThan(8_000);
    expect(new Set(samples).size).toBeGreaterThan(500); // actually random, not a fixed schedule
  });
});

describe("retry-after", () => {
  const now = new Date("2026-11-27T10:00:00Z");
  it("reads delta-seconds and HTTP dates", () => {
    expect(parseRetryAfter("2", now)).toBe(2_000);
    expect(parseRetryAfter("0.5", now)).toBe(500);
    expect(parseRetryAfter("Fri, 27 Nov 2026 10:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Fri, 27 Nov 2026 09:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("99999999", now)).toBe(24 * 3_600_000);
  });

  it("wins over the computed backoff", () => {
    expect(nextAttemptDelay({ attempt: 1, baseMs: 1_000, capMs: 60_000, retryAfterMs: 2_000, random: () => 0 })).toBe(2_000);
    expect(nextAttemptDelay({ attempt: 1, baseMs: 1_000, capMs: 60_000, random: () => 0.5 })).toBe(500);
  });
});
