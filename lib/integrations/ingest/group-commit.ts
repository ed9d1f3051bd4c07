import { transaction } from "@/db/queries/tx";
import { isStorageUnavailable } from "@/lib/storage-errors";
import { ingestEvent, ingestEventIn, type IngestInput, type IngestResult } from "./accept";

/*
 * Group commit for event ingestion. Under load most of an event's cost is
 * the commit itself (the WAL append, and the checkpoints it triggers), so the
 * events that arrive while the process is busy are accepted together in one
 * transaction. No caller answers before the commit that holds its event, and
 * a lone event waits one turn of the event loop (setImmediate). One batch is
 * open at a time: the events that arrive while it commits make up the next.
 *
 * Each event still commits atomically with its status change and planned
 * emails (docs/product R20), without a savepoint per event (those were a tenth of an
 * event's cost): when one event of a batch throws, the whole batch rolls
 * back and every event of it is accepted again in its own transaction, so
 * only the failing one fails. A batch that failed on storage (the write lock
 * not free past the busy timeout, a full, read-only or failing disk:
 * lib/storage-errors.ts) fails as a whole and at once — each event alone
 * would meet the same disk — and stored nothing: the senders get 503 and retry.
 */

type Pending = { input: IngestInput; resolve: (r: IngestResult) => void; reject: (e: unknown) => void };

const MAX_BATCH = 64;
let queue: Pending[] = [];
let scheduled = false;
let flushing = false;

export function ingestEventQueued(input: IngestInput): Promise<IngestResult> {
  return new Promise((resolve, reject) => {
    queue.push({ input, resolve, reject });
    schedule();
  });
}

function schedule(): void {
  if (scheduled || flushing) return;
  scheduled = true;
  setImmediate(() => void flush());
}

async function flush(): Promise<void> {
  scheduled = false;
  flushing = true;
  const batch = queue.slice(0, MAX_BATCH);
  queue = queue.slice(batch.length);
  try {
    await commit(batch);
  } finally {
    flushing = false;
    // kicked once the batch's transaction is over, so the next batch starts outside it
    if (queue.length > 0) schedule();
  }
}

// Every batch locks its integrations' rows in one order (PostgreSQL: db/queries/locks.ts), so batches committing
// at once on two servers never wait on each other in a circle; the sort is stable, so each integration's events
// keep their order of arrival.
const integrationOf = ({ input: { event } }: Pending) => `${event.companyId}\u0000${event.provider}`;
const inLockOrder = (batch: Pending[]) =>
  [...batch].sort((a, b) => (integrationOf(a) < integrationOf(b) ? -1 : integrationOf(a) > integrationOf(b) ? 1 : 0));

async function commit(arrived: Pending[]): Promise<void> {
  const batch = inLockOrder(arrived);
  let results: IngestResult[];
  try {
    results = await transaction(async (tx) => {
      const accepted: IngestResult[] = [];
      for (const item of batch) accepted.push(await ingestEventIn(tx, item.input));
      return accepted;
    });
  } catch (error) {
    if (batch.length === 1 || isStorageUnavailable(error)) {
      for (const item of batch) item.reject(error);
      return;
    }
    // one event threw and the batch rolled back: each again alone, so the others are not lost with it
    for (const item of batch) {
      try {
        item.resolve(await ingestEvent(item.input));
      } catch (alone) {
        item.reject(alone);
      }
    }
    return;
  }
  batch.forEach((item, i) => item.resolve(results[i]));
}
