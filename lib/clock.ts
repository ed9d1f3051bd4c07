import { env } from "./env";

/*
 * The server's clock. Everything time-dependent on the server — event
 * ingestion's receivedAt, re-auth deadlines, digest windows, the scheduler and
 * the outbox worker's backoff — reads `now()` here instead of `new Date()`, so
 * end-to-end tests can move time forward without sleeping (docs/product §8).
 *
 * The offset exists only with TEST_MODE=1: POST /api/test/clock {advanceMs}
 * moves it, /api/test/reset clears it. Without TEST_MODE `now()` is the wall
 * clock and the setters refuse. It lives on globalThis because Next bundles
 * route handlers and instrumentation (the inline worker) separately; it is
 * per process, so a standalone `npm run worker` keeps the wall clock.
 * Unit tests do not use it: they pass `now` to the functions they drive.
 */

const g = globalThis as unknown as { __switchboardClockOffsetMs?: number };

export function now(): Date {
  return new Date(Date.now() + clockOffsetMs());
}

export function clockOffsetMs(): number {
  return env.TEST_MODE ? (g.__switchboardClockOffsetMs ?? 0) : 0;
}

function assertTestMode(): void {
  if (!env.TEST_MODE) throw new Error("The clock can only be moved with TEST_MODE=1.");
}

/** Moves this process's clock forward (never back: deadlines already acted on stay acted on). */
export function advanceClock(ms: number): Date {
  assertTestMode();
  if (!Number.isFinite(ms) || ms < 0) throw new Error("advanceMs must be a non-negative number of milliseconds.");
  g.__switchboardClockOffsetMs = clockOffsetMs() + ms;
  return now();
}

export function resetClock(): void {
  if (env.TEST_MODE) g.__switchboardClockOffsetMs = 0;
}
