import "server-only";
import { eq, sql } from "drizzle-orm";
import { companies, events, reportSettings } from "@/db/schema";
import type { EventType } from "@/lib/integrations/ingest/event-types";
import type { Provider } from "@/lib/integrations/providers";
import { preparedInsert, preparedOnce } from "./prepared";
import type { Executor } from "./tx";
import { REPORT_SETTINGS_DEFAULTS } from "@/lib/report-settings/defaults";

/*
 * Integration events (docs/product §4). The webhook-id is the primary key, so a
 * repeated delivery — even a concurrent one from another process — collides
 * in the database rather than in a check-then-insert race.
 */

// Prepared once (db/queries/prepared.ts): these run on every ingested event; `tx` names the transaction they join.
const companyById = preparedOnce((d) =>
  d
    .select({ id: companies.id })
    .from(companies)
    .where(eq(companies.id, sql.placeholder("id")))
    .prepare(),
);
const eventById = preparedOnce((d) =>
  d
    .select({ id: events.id })
    .from(events)
    .where(eq(events.id, sql.placeholder("id")))
    .prepare(),
);
const syncReportModeOf = preparedOnce((d) =>
  d
    .select({ mode: reportSettings.syncReportMode })
    .from(reportSettings)
    .where(eq(reportSettings.companyId, sql.placeholder("id")))
    .prepare(),
);

const insertEventRow = preparedInsert(events, { onConflictDoNothing: events.id });
const setNoEmailReason = preparedOnce((d) =>
  d
    .update(events)
    .set({ noEmailReason: sql`${sql.placeholder("reason")}` })
    .where(eq(events.id, sql.placeholder("id")))
    .prepare(),
);

/** Why the event just stored led to no email (lib/integrations/ingest/no-email.ts), in the ingesting transaction. */
export function recordNoEmailReason({ eventId, reason }: { tx: Executor; eventId: string; reason: string }) {
  setNoEmailReason().run({ id: eventId, reason });
}

export function companyExists({ companyId }: { tx: Executor; companyId: string }): boolean {
  return !!companyById().get({ id: companyId });
}

export function eventExists({ id }: { tx: Executor; id: string }): boolean {
  return !!eventById().get({ id });
}

/** Inserts the event unless its id is already stored; true when this call stored it. */
export function insertEventOnce({
  row,
}: {
  tx: Executor;
  row: { id: string; companyId: string; provider: Provider; type: EventType; occurredAt: Date; receivedAt: Date; body: string };
}): boolean {
  return insertEventRow(row).changes === 1;
}

export function getSyncReportMode({ companyId }: { tx: Executor; companyId: string }) {
  const row = syncReportModeOf().get({ id: companyId });
  return row?.mode ?? REPORT_SETTINGS_DEFAULTS.syncReportMode;
}
