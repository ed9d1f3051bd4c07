import { afterAll, describe, expect, it, vi } from "vitest";

const previous = vi.hoisted(() => {
  const value = process.env.TEST_MODE;
  delete process.env.TEST_MODE;
  return value;
});
afterAll(() => {
  if (previous !== undefined) process.env.TEST_MODE = previous;
  delete (globalThis as { __switchboardClockOffsetMs?: number }).__switchboardClockOffsetMs;
});

import { advanceClock, clockOffsetMs, now } from "./clock";

describe("the server clock without TEST_MODE", () => {
  it("is the wall clock and refuses to move", () => {
    expect(() => advanceClock(1_000)).toThrow(/TEST_MODE=1/);
    (globalThis as { __switchboardClockOffsetMs?: number }).__switchboardClockOffsetMs = 99_999; // even if something set it
    expect(clockOffsetMs()).toBe(0);
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(50);
  });
});
