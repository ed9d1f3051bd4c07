import { db } from "@/db/client";
import { ingestEvent, type IngestResult } from "./ingest";

/*
 * Group commit for event ingestion. Under load most of an event's cost is
 * the commit itself (the WAL append, and the checkpoints it triggers), so the
 * events that arrive while the process is busy are accepted together: one
 * IMMEDIATE transaction holding each event's own transaction as a savepoint.
 * Each event still commits atomically with its status change and planned
 * emails (SPEC R20) — a failing one rolls back to its savepoint alone — and
 * no caller answers before the commit that holds its event. A lone event
 * waits one turn of the event loop (setImmediate), nothing more.
 */

type Input = Parameters<typeof ingestEvent>[0];
type Pending = { input: Input; resolve: (r: IngestResult) => void; reject: (e: unknown) => void };

const MAX_BATCH = 64;
let queue: Pending[] = [];
let scheduled = false;

export function ingestEventQueued(input: Input): Promise<IngestResult> {
  return new Promise((resolve, reject) => {
    queue.push({ input, resolve, reject });
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  });
}

function flush(): void {
  scheduled = false;
  const batch = queue.slice(0, MAX_BATCH);
  queue = queue.slice(batch.length);
  if (queue.length > 0) {
    scheduled = true;
    setImmediate(flush);
  }
  const outcomes: ({ ok: true; result: IngestResult } | { ok: false; error: unknown })[] = [];
  try {
    db.transaction(
      () => {
        for (const item of batch) {
          try {
            outcomes.push({ ok: true, result: ingestEvent(item.input) }); // a savepoint inside this transaction
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    // BEGIN or COMMIT failed (e.g. SQLITE_BUSY past the timeout): nothing of the batch is stored.
    for (const item of batch) item.reject(error);
    return;
  }
  batch.forEach((item, i) => {
    const o = outcomes[i];
    if (o.ok) item.resolve(o.result);
    else item.reject(o.error);
  });
}
