import { createOutboxWorker, type OutboxWorker, type WorkerOptions } from "@/lib/notifications/worker";
import { registerNudgeTarget } from "@/lib/notifications/nudge";
import { runDueJobs } from "@/lib/scheduled-jobs/run-due-jobs";

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

const g = globalThis as unknown as { __switchboardInlineWorker?: OutboxWorker };

/** The web process's own worker (WORKER=inline), started once per process. */
export function startInlineWorker(): OutboxWorker {
  if (g.__switchboardInlineWorker) return g.__switchboardInlineWorker;
  const worker = createDeliveryWorker();
  g.__switchboardInlineWorker = worker;
  registerNudgeTarget(worker);
  worker.start();
  return worker;
}
