import "server-only";
import { eq } from "drizzle-orm";
import { companies, events, reportSettings, type EventType, type Provider } from "@/db/schema";
import type { Executor } from "./tx";

/*
 * Integration events (SPEC §4). The webhook-id is the primary key, so a
 * repeated delivery — even a concurrent one from another process — collides
 * in the database rather than in a check-then-insert race.
 */

export function companyExists({ tx, companyId }: { tx: Executor; companyId: string }): boolean {
  return !!tx.select({ id: companies.id }).from(companies).where(eq(companies.id, companyId)).get();
}

export function eventExists({ tx, id }: { tx: Executor; id: string }): boolean {
  return !!tx.select({ id: events.id }).from(events).where(eq(events.id, id)).get();
}

/** Inserts the event unless its id is already stored; true when this call stored it. */
export function insertEventOnce({
  tx,
  row,
}: {
  tx: Executor;
  row: { id: string; companyId: string; provider: Provider; type: EventType; occurredAt: Date; receivedAt: Date; body: string };
}): boolean {
  const result = tx.insert(events).values(row).onConflictDoNothing({ target: events.id }).run();
  return result.changes === 1;
}

export function getSyncReportMode({ tx, companyId }: { tx: Executor; companyId: string }) {
  const row = tx
    .select({ mode: reportSettings.syncReportMode })
    .from(reportSettings)
    .where(eq(reportSettings.companyId, companyId))
    .get();
  return row?.mode ?? "always";
}
