/*
 * Paces sends to the provider's rate limit (docs/product R24) instead of bouncing off
 * it. One pacer per process, shared by every concurrent send, and the slots it hands
 * out come from a budget every process shares (`SlotStore`: the database's
 * send_budget row, db/queries/system/send-budget.ts), so N workers together keep to
 * the limit: sends leave on evenly spaced slots (no bursts the provider would count
 * against a one-second window), at most `maxPerSec`, lowered to what the provider says it allows
 * (Resend's `ratelimit-limit` / `ratelimit-policy` headers). A 429 pauses ALL
 * sends until its retry-after has passed, rather than each message learning
 * the limit on its own; without headers, a 429 also eases the pace by 10 %,
 * which creeps back up after a run of successes.
 */

export type RateSignal = { status?: number | null; headers?: Record<string, string> | null; retryAfterMs?: number };

export type SendPacer = {
  /** Resolves when this send may leave. */
  acquire: () => Promise<void>;
  /** What the provider answered: learns its limit, and pauses everyone after a 429. */
  observe: (signal: RateSignal) => void;
  perSecond: () => number;
};

/** Where send slots come from: each taken `intervalMs` after the previous one, never before a pause ends. */
export type SlotStore = {
  take: (now: number, intervalMs: number) => Promise<number>;
  pause: (until: number) => Promise<void>;
};

/** Slots of this process alone: for tests, and the fallback while the shared budget cannot be reached. */
export function localSlots(): SlotStore {
  let next = 0;
  let paused = 0;
  return {
    take: async (t, intervalMs) => {
      const slot = Math.max(t, next, paused);
      next = slot + intervalMs;
      return slot;
    },
    pause: async (until) => {
      paused = Math.max(paused, until);
      next = Math.max(next, paused);
    },
  };
}

export function createSendPacer({
  maxPerSec,
  now = Date.now,
  sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
  slots = localSlots(),
}: {
  maxPerSec: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  slots?: SlotStore;
}): SendPacer {
  let rate = maxPerSec;
  let learned: number | null = null; // what the provider's headers say
  let pausedUntil = 0;
  let streak = 0;

  const ceiling = () => Math.min(maxPerSec, learned ?? maxPerSec);

  async function acquire(): Promise<void> {
    for (;;) {
      const slot = await slots.take(now(), 1000 / rate);
      const t = now();
      if (slot > t) await sleep(slot - t);
      // a 429 that arrived while this send waited moves it behind the pause
      if (now() >= pausedUntil) return;
    }
  }

  function observe({ status, headers, retryAfterMs }: RateSignal): void {
    const limit = readLimit(headers);
    if (limit) {
      learned = limit;
      rate = Math.min(rate, ceiling());
    }
    if (status === 429) {
      streak = 0;
      const until = now() + (retryAfterMs ?? 1000);
      pausedUntil = Math.max(pausedUntil, until);
      void slots.pause(pausedUntil);
      // no advertised limit: ease off a little; the pause above is the provider's own pacing
      if (!limit) rate = Math.max(rate * 0.9, 1);
      return;
    }
    if (status === undefined || status === null || status >= 300) return;
    // additive increase back towards the ceiling after a second's worth of successes
    if (++streak >= Math.max(1, Math.round(rate)) && rate < ceiling()) {
      rate = Math.min(ceiling(), rate + 1);
      streak = 0;
    }
  }

  return { acquire, observe, perSecond: () => rate };
}

/** Requests per second from `ratelimit-limit` and the window of `ratelimit-policy` ("2;w=1"). */
export function readLimit(headers: Record<string, string> | null | undefined): number | null {
  const limit = Number(headers?.["ratelimit-limit"]);
  if (!Number.isFinite(limit) || limit <= 0) return null;
  const window = Number(/;\s*w=(\d+(?:\.\d+)?)/.exec(headers?.["ratelimit-policy"] ?? "")?.[1] ?? 1);
  return limit / (window > 0 ? window : 1);
}
