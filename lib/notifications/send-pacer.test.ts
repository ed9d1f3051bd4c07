import { describe, expect, it } from "vitest";
import { createSendPacer, readLimit } from "./send-pacer";

function clock() {
  let t = 0;
  return { now: () => t, sleep: async (ms: number) => void (t += ms) };
}

describe("send pacer", () => {
  it("spaces concurrent sends evenly at the configured rate", async () => {
    const c = clock();
    const pacer = createSendPacer({ maxPerSec: 5, ...c });
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      await pacer.acquire();
      times.push(c.now());
    }
    expect(times).toEqual([0, 200, 400, 600, 800]);
  });

  it("learns a lower limit from the provider's headers", async () => {
    const c = clock();
    const pacer = createSendPacer({ maxPerSec: 10, ...c });
    pacer.observe({ status: 200, headers: { "ratelimit-limit": "2", "ratelimit-policy": "2;w=1" } });
    expect(pacer.perSecond()).toBe(2);
    await pacer.acquire();
    await pacer.acquire();
    expect(c.now()).toBe(500);
  });

  it("pauses every send until retry-after after a 429", async () => {
    const c = clock();
    const pacer = createSendPacer({ maxPerSec: 10, ...c });
    await pacer.acquire();
    pacer.observe({ status: 429, retryAfterMs: 3_000, headers: { "ratelimit-limit": "10" } });
    await pacer.acquire();
    expect(c.now()).toBeGreaterThanOrEqual(3_000);
  });

  it("eases the pace on a 429 without headers and recovers after successes", () => {
    const c = clock();
    const pacer = createSendPacer({ maxPerSec: 8, ...c });
    pacer.observe({ status: 429 });
    expect(pacer.perSecond()).toBeCloseTo(7.2);
    for (let i = 0; i < 40; i++) pacer.observe({ status: 200 });
    expect(pacer.perSecond()).toBe(8);
  });

  it("reads the limit per second from the policy window", () => {
    expect(readLimit({ "ratelimit-limit": "10", "ratelimit-policy": "10;w=2" })).toBe(5);
    expect(readLimit({})).toBeNull();
  });
});
