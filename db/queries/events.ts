import "server-only";
import { eq } from "drizzle-orm";
import { companies, events, reportSettings } from "@/db/schema";
import type { EventType } from "@/lib/integrations/ingest/event-types";
import type { NoEmailReason } from "@/lib/integrations/ingest/no-email";
import type { Provider } from "@/lib/integrations/providers";
import { param, preparedInsert, preparedOnce } from "./prepared";
import type { Executor } from "./tx";
import { REPORT_SETTINGS_DEFAULTS } from "@/lib/report-settings/defaults";

/*
 * Integration events (docs/product §4). The webhook-id is the primary key, so a
 * repeated delivery — even a concurrent one from another process — collides
 * in the database rather than in a check-then-insert race. Every function
 * runs on the ingesting transaction, `tx`.
 */

/** Why the event just stored led to no email (lib/integrations/ingest/no-email.ts), in the ingesting transaction. */
export async function recordNoEmailReason({
  tx,
  eventId,
  reason,
}: {
  tx: Executor;
  eventId: string;
  reason: NoEmailReason;
}): Promise<void> {
  await tx.update(events).set({ noEmailReason: reason }).where(eq(events.id, eventId));
}

const companyById = preparedOnce((tx) =>
  tx
    .select({ id: companies.id })
    .from(companies)
    .where(eq(companies.id, param("companyId")))
    .limit(1)
    .prepare(),
);

export async function companyExists({ tx, companyId }: { tx: Executor; companyId: string }): Promise<boolean> {
  const [row] = await companyById(tx).execute({ companyId });
  return !!row;
}

export async function eventExists({ tx, id }: { tx: Executor; id: string }): Promise<boolean> {
  const [row] = await tx.select({ id: events.id }).from(events).where(eq(events.id, id)).limit(1);
  return !!row;
}

const insertEventRow = preparedInsert(events, { onConflictDoNothing: events.id, returning: { id: events.id } });

/** Inserts the event unless its id is already stored; true when this call stored it. */
export async function insertEventOnce({
  tx,
  row,
}: {
  tx: Executor;
  row: { id: string; companyId: string; provider: Provider; type: EventType; occurredAt: Date; receivedAt: Date; body: string };
}): Promise<boolean> {
  const stored = await insertEventRow(tx, row);
  return stored.length === 1;
}

const syncReportModeOf = preparedOnce((tx) =>
  tx
    .select({ mode: reportSettings.syncReportMode })
    .from(reportSettings)
    .where(eq(reportSettings.companyId, param("companyId")))
    .limit(1)
    .prepare(),
);

export async function getSyncReportMode({ tx, companyId }: { tx: Executor; companyId: string }) {
  const [row] = await syncReportModeOf(tx).execute({ companyId });
  return row?.mode ?? REPORT_SETTINGS_DEFAULTS.syncReportMode;
}
