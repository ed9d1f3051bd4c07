import { announceQueued } from "@/db/queries/system/wakeups";

/*
 * Wakes the outbox workers right after a commit that queued mail, so a planned
 * email leaves without waiting for the next poll: the in-process worker
 * directly, and on PostgreSQL every other listening worker through NOTIFY
 * (db/postgres/wakeups.ts). The worker registers itself on globalThis because
 * Next bundles route handlers, actions and instrumentation separately: a
 * module-level variable would not be shared. On SQLite without an inline
 * worker (WORKER=off) the standalone worker picks the message up on its next poll.
 */

type Nudgeable = { nudge: (options?: { timers?: boolean }) => void };
const g = globalThis as unknown as { __switchboardWorker?: Nudgeable };

export function registerNudgeTarget(target: Nudgeable | undefined): void {
  g.__switchboardWorker = target;
}

/** `{ timers: true }` after the test clock moved: the in-process worker runs its due timers now, not at its next poll. */
export function nudgeWorker(options?: { timers?: boolean }): void {
  g.__switchboardWorker?.nudge(options);
  // a lost wake-up costs one poll interval, never a message: the commit already happened
  announceQueued().catch((error: unknown) => console.error(`[worker] could not announce queued mail: ${(error as Error).message}`));
}
