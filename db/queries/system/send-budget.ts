import "server-only";
import { eq } from "drizzle-orm";
import { sendBudget } from "@/db/schema";
import { forUpdate } from "../locks";
import { transaction } from "../tx";

/*
 * The send budget every sending process shares (db/schema/delivery.ts `sendBudget`), one row
 * per provider account. Cross-process by nature, hence system/. Each call is its own short
 * transaction with the row locked (../locks.ts), never inside a message's transaction.
 */

/**
 * Takes the next `count` send slots (default one), `intervalMs` apart and after the last one any
 * process took, not before a pause ends; returns the first (the others follow it at `intervalMs`).
 */
export async function takeSendSlot({
  key,
  now,
  intervalMs,
  count = 1,
}: {
  key: string;
  now: Date;
  intervalMs: number;
  count?: number;
}): Promise<Date> {
  return await transaction(async (tx) => {
    await tx
      .insert(sendBudget)
      .values({ key, nextSlotAt: now, pausedUntil: new Date(0) })
      .onConflictDoNothing();
    const [row] = await forUpdate(tx.select().from(sendBudget).where(eq(sendBudget.key, key)).limit(1));
    const slot = Math.max(now.getTime(), row.nextSlotAt.getTime(), row.pausedUntil.getTime());
    await tx
      .update(sendBudget)
      .set({ nextSlotAt: new Date(slot + count * intervalMs) })
      .where(eq(sendBudget.key, key));
    return new Date(slot);
  });
}

/** Pauses every process's sends until `until` (a 429's retry-after); an earlier pause never shortens a later one. */
export async function pauseSends({ key, until }: { key: string; until: Date }): Promise<void> {
  await transaction(async (tx) => {
    await tx.insert(sendBudget).values({ key, nextSlotAt: until, pausedUntil: until }).onConflictDoNothing();
    const [row] = await forUpdate(tx.select().from(sendBudget).where(eq(sendBudget.key, key)).limit(1));
    if (row.pausedUntil.getTime() < until.getTime()) {
      await tx.update(sendBudget).set({ pausedUntil: until }).where(eq(sendBudget.key, key));
    }
  });
}
