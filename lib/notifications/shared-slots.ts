import { pauseSends, takeSendSlot } from "@/db/queries/system/send-budget";
import { localSlots, type SlotStore } from "./send-pacer";

/**
 * Send slots from the budget every process shares (db/queries/system/send-budget.ts), so
 * N workers on any number of machines keep to one provider limit together. While the
 * database cannot be reached this process paces alone on its own slots (at most N× the
 * limit for the outage, the provider's 429s then pause it), and says so once.
 */
export function sharedSlots(key: string, log: (line: string) => void = console.error): SlotStore {
  const local = localSlots();
  let alone = false;
  const fallBack = (error: unknown) => {
    if (!alone) log(`[worker] the shared send budget cannot be reached; pacing this process alone: ${(error as Error).message}`);
    alone = true;
  };
  return {
    take: (now, intervalMs) =>
      takeSendSlot({ key, now: new Date(now), intervalMs }).then(
        (slot) => {
          alone = false;
          return slot.getTime();
        },
        (error: unknown) => {
          fallBack(error);
          return local.take(now, intervalMs);
        },
      ),
    pause: (until) =>
      pauseSends({ key, until: new Date(until) }).catch((error: unknown) => {
        fallBack(error);
        return local.pause(until);
      }),
  };
}
