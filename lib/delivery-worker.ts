import { createOutboxWorker, type OutboxWorker, type WorkerOptions } from "@/lib/notifications/worker";
import { registerNudgeTarget } from "@/lib/notifications/nudge";
import { runDueJobs } from "@/lib/scheduled-jobs/run-due-jobs";
import { engine } from "@/db/engine";
import { listenForWakeups } from "@/db/postgres/wakeups";
import { env } from "@/lib/env";

/*
 * The delivery worker as a process runs it: the outbox worker of
 * lib/notifications with the scheduled jobs (re-auth reminders and deadlines,
 * digest closes) as its timers. Composed here, above both, so that
 * lib/notifications never imports lib/integrations back: the re-auth jobs
 * change integration status and live in lib/integrations.
 */

export function createDeliveryWorker(options: WorkerOptions = {}): OutboxWorker {
  return createOutboxWorker({ runTimers: runDueJobs, ...options });
}

/** On PostgreSQL, wakes `worker` when any process queues mail (db/postgres/wakeups.ts); stop it before the worker. */
export function wakeOnQueued(worker: OutboxWorker): { stop(): Promise<void> } {
  if (engine !== "postgres") return { stop: async () => undefined };
  return listenForWakeups(env.DATABASE_URL, () => worker.nudge());
}

const g = globalThis as unknown as { __switchboardInlineWorker?: OutboxWorker };

/** The web process's own worker (WORKER=inline), started once per process. */
export function startInlineWorker(): OutboxWorker {
  if (g.__switchboardInlineWorker) return g.__switchboardInlineWorker;
  const worker = createDeliveryWorker();
  g.__switchboardInlineWorker = worker;
  registerNudgeTarget(worker);
  worker.start();
  wakeOnQueued(worker);
  return worker;
}
