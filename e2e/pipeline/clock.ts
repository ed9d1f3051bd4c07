import { expect } from "@playwright/test";

/*
 * The built app's test clock (lib/clock.ts, TEST_MODE only): move the
 * server's time forward instead of sleeping (docs/product §8). /api/test/reset puts
 * it back to the wall clock.
 */

export const HOUR = 3_600_000;
export const MINUTE = 60_000;

export async function advanceClock(baseUrl: string, ms: number): Promise<Date> {
  const res = await fetch(`${baseUrl}/api/test/clock`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ advanceMs: Math.round(ms) }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return new Date(((await res.json()) as { now: string }).now);
}

export async function resetApp(baseUrl: string): Promise<void> {
  const res = await fetch(`${baseUrl}/api/test/reset`, { method: "POST" });
  expect(res.status).toBe(200);
}
