import { pauseSends, takeSendSlot } from "@/db/queries/system/send-budget";
import { localSlots, type SlotStore } from "./send-pacer";

/*
 * Send slots from the budget every process shares (db/queries/system/send-budget.ts), so
 * N workers on any number of machines keep to one provider limit together.
 *
 * A process reserves the slots of the next BLOCK_MS at once and hands them out itself: at
 * a high limit (10,000/s) one locked transaction per send would cost more than the send's
 * slot is long, and every worker would queue on the budget's row (bench:latency on
 * PostgreSQL: p50 5.6 s with a transaction per send). At the limits a provider really
 * grants (2–100/s) a block is one slot, as before. A slot of the block that is not used
 * in time is dropped, never sent late, so the deployment only ever sends fewer than the
 * limit; a 429 drops the block.
 *
 * While the database cannot be reached this process paces alone on its own slots (at most
 * N× the limit for the outage, the provider's 429s then pause it), and says so once.
 */

export const BLOCK_MS = 50;

export function sharedSlots(key: string, log: (line: string) => void = console.error): SlotStore {
  const local = localSlots();
  let alone = false;
  // reserved slots: next, next + interval, … before end
  let block = { next: 0, end: 0, intervalMs: 0 };
  let reserving: Promise<void> | null = null;

  const fallBack = (error: unknown) => {
    if (!alone) log(`[worker] the shared send budget cannot be reached; pacing this process alone: ${(error as Error).message}`);
    alone = true;
  };

  function fromBlock(now: number, intervalMs: number): number | null {
    if (block.intervalMs !== intervalMs) return null;
    // a slot already past is dropped: sent late it would crowd another process's slot
    while (block.next < block.end && block.next < now) block.next += intervalMs;
    if (block.next >= block.end) return null;
    const slot = block.next;
    block.next += intervalMs;
    return slot;
  }

  async function reserve(now: number, intervalMs: number): Promise<void> {
    const count = Math.max(1, Math.floor(BLOCK_MS / intervalMs));
    const first = (await takeSendSlot({ key, now: new Date(now), intervalMs, count })).getTime();
    alone = false;
    block = { next: first, end: first + count * intervalMs, intervalMs };
  }

  return {
    async take(now, intervalMs) {
      for (;;) {
        const slot = fromBlock(now, intervalMs);
        if (slot !== null) return slot;
        if (!reserving) reserving = reserve(now, intervalMs).finally(() => (reserving = null));
        try {
          await reserving;
        } catch (error) {
          fallBack(error);
          return local.take(now, intervalMs);
        }
      }
    },
    pause(until) {
      block = { next: 0, end: 0, intervalMs: 0 };
      return pauseSends({ key, until: new Date(until) }).catch((error: unknown) => {
        fallBack(error);
        return local.pause(until);
      });
    },
  };
}
