import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import {
  claimDueMessages,
  getNotificationProps,
  getStoredBody,
  recordAttempt,
  storeMessageBody,
  type ClaimedMessage,
} from "@/db/queries/system/outbox";
import type { AnyEmail, RenderedEmail } from "./email-props";
import { renderEmail } from "./render";
import { decideOutcome, type AttemptResult } from "./attempt-outcome";
import { sendEmail, type SendEmail } from "./transport";
import { now as clockNow } from "@/lib/clock";

/*
 * The outbox worker (docs/product R24). It leases due messages (one atomic
 * UPDATE … RETURNING, so two workers never hold the same message), renders a
 * message once if it has no stored body, sends the STORED payload with the
 * message's idempotency key, and records the attempt with the next state.
 * A crash between send and record leaves the lease to expire; the next
 * attempt sends the same payload under the same key, and the provider
 * answers with the first email's id instead of sending a second.
 *
 * Claims, stored bodies and attempts are separate short queries: rendering
 * and the send run between them, outside any transaction, so a slow render
 * or a send waiting for its timeout never holds the database's write lock.
 *
 * Time comes from `now()` so tests drive backoff and give-up without sleeping.
 */

export type WorkerOptions = {
  owner?: string;
  now?: () => Date;
  send?: SendEmail;
  render?: (email: AnyEmail) => Promise<RenderedEmail>;
  random?: () => number;
  from?: string;
  maxAttempts?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  giveUpAfterMs?: number;
  leaseMs?: number;
  batchSize?: number;
  /** Sends kept in flight by the running loop (default 2 × batchSize). */
  concurrency?: number;
  pollMs?: number;
  log?: (line: string) => void;
  /**
   * Due timers, run at the start of every round so the emails they plan are
   * claimed in the same round. The process that runs the worker passes the
   * scheduled jobs (lib/delivery-worker.ts); left out, the worker only sends.
   */
  runTimers?: (round: { now: Date; log: (line: string) => void }) => Promise<{ ran: number }>;
};

export type OutboxWorker = {
  /** One round: claim, process, record. Resolves to the number of messages handled. */
  runOnce: () => Promise<number>;
  start: () => void;
  stop: () => Promise<void>;
  /** Mail was queued: claim now. `{ timers: true }`: the clock moved, run the due timers now too. */
  nudge: (options?: { timers?: boolean }) => void;
  owner: string;
};

export function createOutboxWorker(options: WorkerOptions = {}): OutboxWorker {
  const owner = options.owner ?? `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  const now = options.now ?? clockNow;
  const send = options.send ?? sendEmail;
  const render = options.render ?? renderEmail;
  const from = options.from ?? env.EMAIL_FROM;
  const maxAttempts = options.maxAttempts ?? env.DELIVERY_MAX_ATTEMPTS;
  const baseMs = options.backoffBaseMs ?? env.DELIVERY_BACKOFF_BASE_MS;
  const capMs = options.backoffCapMs ?? env.DELIVERY_BACKOFF_CAP_MS;
  const giveUpAfterMs = options.giveUpAfterMs ?? env.DELIVERY_GIVE_UP_AFTER_MS;
  // Long enough to cover rendering plus a send that runs into its timeout.
  const leaseMs = options.leaseMs ?? 2 * env.DELIVERY_TIMEOUT_MS + 5_000;
  const batchSize = options.batchSize ?? 10;
  const pollMs = options.pollMs ?? 300;
  const log = options.log ?? ((line: string) => console.log(`[worker] ${line}`));
  const runTimers = options.runTimers ?? (async () => ({ ran: 0 }));

  type Rendered = RenderedEmail & { from: string };

  /** The message's stored body, else a sibling part's, else a fresh render (one per notification per round). */
  async function bodyFor(message: ClaimedMessage, renders: Map<string, Promise<Rendered>>) {
    const stored = await getStoredBody({ messageId: message.id, notificationId: message.notificationId });
    if (stored?.own) return stored.body;
    let pending = renders.get(message.notificationId);
    if (!pending) {
      pending = (async () => {
        if (stored) return stored.body;
        const notification = await getNotificationProps({ notificationId: message.notificationId });
        if (!notification) throw new Error(`notification ${message.notificationId} is missing`);
        const email = { kind: notification.kind, props: notification.props } as AnyEmail;
        return { ...(await render(email)), from };
      })();
      renders.set(message.notificationId, pending);
    }
    const body = await storeMessageBody({ messageId: message.id, body: await pending, at: now() });
    // stored now: parts claimed later find it as a sibling's body
    renders.delete(message.notificationId);
    return body;
  }

  async function finish(message: ClaimedMessage, startedAt: number, result: AttemptResult): Promise<void> {
    const at = now();
    const durationMs = "ok" in result ? Math.round(performance.now() - startedAt) : null;
    const decided = decideOutcome(message, result, at, durationMs, {
      maxAttempts,
      baseMs,
      capMs,
      giveUpAfterMs,
      random: options.random,
    });
    await recordAttempt({ messageId: message.id, owner, at, ...decided });
  }

  async function handle(message: ClaimedMessage, renders: Map<string, Promise<Rendered>>): Promise<void> {
    const startedAt = performance.now();
    if (now().getTime() - message.plannedAt.getTime() >= giveUpAfterMs) {
      await finish(message, startedAt, { expired: true });
      return;
    }
    let body;
    try {
      body = await bodyFor(message, renders);
    } catch (error) {
      await finish(message, startedAt, { renderError: error instanceof Error ? error.message : String(error) });
      return;
    }
    const sendStartedAt = performance.now();
    const result = await send(
      { from: body.from, to: message.to, bcc: message.bcc, subject: body.subject, html: body.html, text: body.text },
      { idempotencyKey: message.idempotencyKey },
    );
    await finish(message, sendStartedAt, result);
    if (!result.ok) log(`${message.id}: ${result.error}`);
  }

  /**
   * Claims up to `limit` due messages and starts handling them; with `timersDue`, runs the due
   * timers first, so their emails go out in the same claim.
   */
  async function claimAndStart(
    limit: number,
    renders: Map<string, Promise<Rendered>>,
    timersDue = true,
  ): Promise<{ started: Promise<void>[]; count: number }> {
    const timers = timersDue ? await runTimers({ now: now(), log }) : { ran: 0 };
    const claimed = limit > 0 ? await claimDueMessages({ owner, now: now(), leaseMs, limit }) : [];
    const started = claimed.map((m) => handle(m, renders).catch((e) => log(`${m.id}: ${e instanceof Error ? e.stack : e}`)));
    return { started, count: claimed.length + timers.ran };
  }

  /** One round for tests and tools: claim a batch, handle all of it, record. */
  async function runOnce(): Promise<number> {
    const { started, count } = await claimAndStart(batchSize, new Map());
    await Promise.all(started);
    return count;
  }

  /*
   * The running loop keeps up to `concurrency` sends in flight and claims
   * more as each one finishes, so one send hanging until its timeout holds
   * one slot, not a whole round. Renders are shared by notification across
   * claims, so the parts of one notification still render once.
   *
   * A busy loop claims again each time a send finishes; the timers' query runs at most once
   * per poll interval (real time) or when the clock moved, not once per claimed message: a timer is
   * minutes to hours long, a poll interval late is nothing, and at 100 emails/s the extra
   * round trip per message was one of a worker's ~15 per email on PostgreSQL.
   */
  const concurrency = options.concurrency ?? batchSize * 2;
  const inFlight = new Set<Promise<void>>();
  const sharedRenders = new Map<string, Promise<Rendered>>();

  let running = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;
  let nudged = false;
  let timersRanAt = -Infinity;

  const nudge = ({ timers = false } = {}) => {
    nudged = true;
    if (timers) timersRanAt = -Infinity;
    wake?.();
  };

  async function run() {
    while (running) {
      let claimed = 0;
      const free = concurrency - inFlight.size;
      try {
        const timersDue = performance.now() - timersRanAt >= pollMs;
        if (timersDue) timersRanAt = performance.now();
        const { started, count } = await claimAndStart(free, sharedRenders, timersDue);
        claimed = count;
        for (const p of started) {
          const tracked: Promise<void> = p.finally(() => {
            inFlight.delete(tracked);
            wake?.();
          });
          inFlight.add(tracked);
        }
      } catch (error) {
        log(`claim failed: ${error instanceof Error ? error.message : error}`);
      }
      if (!running) break;
      const hasRoom = inFlight.size < concurrency;
      if (hasRoom && (claimed > 0 || nudged)) {
        nudged = false;
        continue;
      }
      // wait for a free slot, a nudge, or the next poll
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
    await Promise.all(inFlight);
  }

  return {
    owner,
    runOnce,
    nudge,
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
      loop = null;
    },
  };
}
