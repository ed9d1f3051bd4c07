import type { ChildProcess } from "node:child_process";
import { advanceClock } from "@/lib/clock";

/*
 * The test clock of a standalone worker (TEST_MODE only). A worker has no HTTP
 * routes, so the test that spawned it (with an IPC channel) moves its clock by
 * message: the same move as POST /api/test/clock on a web server, so timers
 * that came due (re-auth reminders and deadlines, digest closes) run at once.
 */

type ClockMove = { clock: "advance"; advanceMs: number };
type ClockReply = { clock: "moved"; now: string } | { clock: "refused"; error: string };

/** In the worker: answer clock moves on the IPC channel, then `wake` the loop. */
export function answerClockMoves(wake: () => void): void {
  if (!process.send) return;
  process.on("message", (message: unknown) => {
    const move = message as Partial<ClockMove> | null;
    if (move?.clock !== "advance") return;
    let reply: ClockReply;
    try {
      reply = { clock: "moved", now: advanceClock(Number(move.advanceMs)).toISOString() };
      wake();
    } catch (error) {
      reply = { clock: "refused", error: error instanceof Error ? error.message : String(error) };
    }
    process.send?.(reply);
  });
  // the channel alone must not keep a stopping worker alive
  process.channel?.unref();
}

/** In the test: moves the clock of a worker spawned with an IPC channel; resolves with its new time. */
export function advanceWorkerClock(worker: ChildProcess, advanceMs: number): Promise<Date> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      const reply = message as ClockReply | null;
      if (reply?.clock === "moved") resolve(new Date(reply.now));
      else if (reply?.clock === "refused") reject(new Error(`the worker refused the clock move: ${reply.error}`));
      else return;
      worker.off("message", onMessage);
    };
    worker.on("message", onMessage);
    if (!worker.send({ clock: "advance", advanceMs } satisfies ClockMove)) reject(new Error("the worker has no IPC channel"));
  });
}
