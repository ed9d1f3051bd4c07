/*
 * Retry timing for the outbox (docs/product R24): capped exponential backoff with
 * full jitter (a uniformly random wait between 0 and min(cap, base·2^(n−1))),
 * so a burst of failures does not come back as a burst of retries. A
 * provider's `retry-after` wins over our own guess.
 */

export function backoffDelay({
  attempt,
  baseMs,
  capMs,
  random = Math.random,
}: {
  attempt: number; // attempts made so far, ≥ 1
  baseMs: number;
  capMs: number;
  random?: () => number;
}): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30); // 2^30 already exceeds any sane cap
  const ceiling = Math.min(capMs, baseMs * 2 ** exponent);
  return Math.floor(random() * ceiling);
}

const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

/** `Retry-After` as delta-seconds or an HTTP date, in ms from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.min(Math.round(Number(trimmed) * 1000), MAX_RETRY_AFTER_MS);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.min(Math.max(at - now.getTime(), 0), MAX_RETRY_AFTER_MS);
}

/** When to try again: the provider's retry-after when it gave one, else jittered backoff. */
export function nextAttemptDelay(input: {
  attempt: number;
  baseMs: number;
  capMs: number;
  retryAfterMs?: number;
  random?: () => number;
}): number {
  if (input.retryAfterMs !== undefined) return input.retryAfterMs;
  return backoffDelay(input);
}
