import { nextAttemptDelay } from "./backoff";
import type { SendResult } from "./transport";
import type { recordAttempt } from "@/db/queries/system/outbox";

/*
 * What one attempt means for a message (docs/product R24), as a pure decision the
 * worker records: sent; retry later with capped, jittered backoff (a 429 is
 * the provider pacing us and does not use up an attempt); or failed — a final
 * 4xx, the attempt budget spent, a render error, or 24 h unsent.
 */

type Recorded = Parameters<typeof recordAttempt>[0];
export type AttemptRecord = Pick<Recorded, "attempt" | "next">;

export type AttemptResult = SendResult | { renderError: string } | { expired: true };

export type OutcomePolicy = {
  maxAttempts: number;
  baseMs: number;
  capMs: number;
  giveUpAfterMs: number;
  random?: () => number;
};

export function decideOutcome(
  message: { attempts: number; idempotencyKey: string },
  result: AttemptResult,
  at: Date,
  durationMs: number | null,
  policy: OutcomePolicy,
): AttemptRecord {
  const key = message.idempotencyKey;
  const fail = (error: string, statusCode: number | null, attempts: number): AttemptRecord => ({
    attempt: { outcome: "failed", statusCode, error, idempotencyKey: key, durationMs },
    next: { status: "failed", attempts, nextAttemptAt: null, lastError: error },
  });

  if ("expired" in result) {
    return fail(`Still unsent ${describeSpan(policy.giveUpAfterMs)} after it was planned; gave up.`, null, message.attempts);
  }
  if ("renderError" in result) return fail(`Rendering failed: ${result.renderError}`, null, message.attempts);
  if (result.ok) {
    return {
      attempt: { outcome: "sent", idempotencyKey: key, durationMs },
      next: {
        status: "sent",
        attempts: message.attempts + 1,
        nextAttemptAt: null,
        lastError: null,
        transport: result.transport,
        providerMessageId: result.id,
        sentAt: at,
      },
    };
  }
  const status = result.status ?? null;
  if (!result.retryable) return fail(result.error, status, message.attempts + 1);
  const attempts = result.rateLimited ? message.attempts : message.attempts + 1;
  if (attempts >= policy.maxAttempts) return fail(`${result.error} (gave up after ${attempts} attempts)`, status, attempts);
  const delay = nextAttemptDelay({
    attempt: Math.max(attempts, 1),
    baseMs: policy.baseMs,
    capMs: policy.capMs,
    retryAfterMs: result.retryAfterMs,
    random: policy.random,
  });
  return {
    attempt: {
      outcome: result.rateLimited ? "rate_limited" : "retry",
      statusCode: status,
      error: result.error,
      idempotencyKey: key,
      durationMs,
    },
    next: { status: "queued", attempts, nextAttemptAt: new Date(at.getTime() + delay), lastError: result.error },
  };
}

function describeSpan(ms: number): string {
  if (ms >= 3_600_000 && ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  if (ms >= 60_000) return `${Math.round(ms / 60_000)} min`;
  return `${Math.round(ms / 1000)} s`;
}
