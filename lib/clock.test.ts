import { afterAll, describe, expect, it, vi } from "vitest";

const previous = vi.hoisted(() => {
  const value = process.env.TEST_MODE;
  process.env.TEST_MODE = "1";
  return value;
});
afterAll(() => {
  if (previous === undefined) delete process.env.TEST_MODE;
  else process.env.TEST_MODE = previous;
});

import { advanceClock, clockOffsetMs, now, resetClock } from "./clock";

describe("the server clock (TEST_MODE)", () => {
  it("moves forward by the offset, never back, and resets to the wall clock", () => {
    resetClock();
    const before = Date.now();
    const moved = advanceClock(72 * 3_600_000);
    expect(moved.getTime()).toBeGreaterThanOrEqual(before + 72 * 3_600_000);
    expect(clockOffsetMs()).toBe(72 * 3_600_000);
    expect(now().getTime() - Date.now()).toBeGreaterThanOrEqual(72 * 3_600_000 - 5);
    expect(() => advanceClock(-1)).toThrow(/non-negative/);
    resetClock();
    expect(clockOffsetMs()).toBe(0);
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(50);
  });
});
