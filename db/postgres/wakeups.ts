import pg from "pg";

/*
 * Idle workers wake when a message is queued, on any web server or worker, instead of at their next
 * poll (graphile-worker does the same): `NOTIFY` on one channel after each commit that queues mail,
 * `LISTEN` on a connection of each worker's own. A notification is a hint, never the only way in:
 * one lost while a listener reconnects leaves the message to the next poll.
 */
export const WAKE_CHANNEL = "switchboard_outbox";

const RECONNECT_MS = [250, 1_000, 5_000];

/** Listens until `stop()`, reconnecting after a lost connection; `onWake` runs for every notification. */
export function listenForWakeups(url: string, onWake: () => void, log: (line: string) => void = console.error) {
  let client: pg.Client | null = null;
  let stopped = false;
  let failures = 0;
  let retry: NodeJS.Timeout | undefined;

  const connect = async () => {
    const next = new pg.Client({ connectionString: url });
    next.on("notification", () => onWake());
    next.on("error", () => undefined); // followed by "end", which reconnects
    next.on("end", () => {
      if (client === next) client = null;
      if (!stopped) schedule();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${WAKE_CHANNEL}`);
      if (stopped) return void next.end().catch(() => undefined);
      client = next;
      failures = 0;
      onWake(); // whatever was queued while not listening
    } catch (error) {
      log(`[worker] cannot listen for queued messages (polling meanwhile): ${(error as Error).message}`);
      void next.end().catch(() => undefined);
    }
  };
  const schedule = () => {
    clearTimeout(retry);
    retry = setTimeout(() => void connect(), RECONNECT_MS[Math.min(failures++, RECONNECT_MS.length - 1)]);
  };

  void connect();
  return {
    async stop() {
      stopped = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
