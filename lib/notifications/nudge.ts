/*
 * Wakes the in-process outbox worker right after a commit, so a planned email
 * leaves without waiting for the next poll. The worker registers itself on
 * globalThis because Next bundles route handlers, actions and
 * instrumentation separately: a module-level variable would not be shared.
 * Without an inline worker (WORKER=off) this does nothing and the standalone
 * worker picks the message up on its next poll.
 */

type Nudgeable = { nudge: () => void };
const g = globalThis as unknown as { __switchboardWorker?: Nudgeable };

export function registerNudgeTarget(target: Nudgeable | undefined): void {
  g.__switchboardWorker = target;
}

export function nudgeWorker(): void {
  g.__switchboardWorker?.nudge();
}
