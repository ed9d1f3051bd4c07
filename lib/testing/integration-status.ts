import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { integrations, notifications, scheduledJobs } from "@/db/schema";
import type { Provider } from "@/lib/integrations/providers";
import { parseIntegrationEvent } from "@/lib/integrations/ingest/events";
import { ingestEvent } from "@/lib/integrations/ingest/accept";
import { runDueJobs } from "@/lib/scheduled-jobs/run-due-jobs";
import type { Viewer } from "@/lib/auth/session";
import { fixtureNow, type EventBody } from "./events";

/*
 * The integration-status tests' shared reads and writes: an event ingested
 * as the route would, the rows a status change leaves (integration, jobs,
 * notifications), the demo company's admin, and a re-auth scenario's clock. Import after the test file
 * has pointed DATABASE_URL at its own database (lib/testing/test-database.ts).
 */

let seq = 0;

/** Parses and ingests `body` like the events route, under a fresh event id unless one is given. */
export async function ingest(body: EventBody, { id = `evt_${++seq}`, now = new Date() }: { id?: string; now?: Date } = {}) {
  const parsed = parseIntegrationEvent(body);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return await ingestEvent({ eventId: id, body: JSON.stringify(body), event: parsed.event, now });
}

export async function integrationRow(provider: Provider, companyId = "acme") {
  const [row] = await db
    .select()
    .from(integrations)
    .where(and(eq(integrations.companyId, companyId), eq(integrations.provider, provider)))
    .limit(1);
  if (!row) throw new Error(`no ${provider} integration for ${companyId}`);
  return row;
}

export const allJobs = async () => await db.select().from(scheduledJobs).orderBy(asc(scheduledJobs.id));

/** The kinds of acme's notifications, oldest first. */
export async function notificationKinds() {
  const rows = await db
    .select({ kind: notifications.kind })
    .from(notifications)
    .where(eq(notifications.companyId, "acme"))
    .orderBy(asc(notifications.createdAt));
  return rows.map((n) => n.kind);
}

export const notificationsOfEvent = async (eventId: string) =>
  await db.select().from(notifications).where(eq(notifications.eventId, eventId));

export function acmeAdmin(createdAt: Date): Viewer {
  return {
    userId: "usr_acme_admin",
    name: "Ada Admin",
    email: "admin@acme.test",
    role: "company_admin",
    companyId: "acme",
    company: {
      id: "acme",
      name: "Acme Dialers",
      timeZone: "America/New_York",
      features: { filters: true },
      createdAt,
    } as Viewer["company"],
  };
}

/*
 * A re-auth scenario on one clock: the alert at T + hours, the due jobs run
 * at T + hours, so a test reads like the timeline it checks.
 */
const HOUR_MS = 3_600_000;
export const T = new Date("2026-11-27T12:00:00Z");
export const at = (hours: number) => new Date(T.getTime() + hours * HOUR_MS);

/** A re-auth alert occurring at T + hours with the default deadline (occurredAt + 72 h). */
export async function reauthAt(hours: number, provider: Provider = "hubspot") {
  const body = fixtureNow(provider === "hubspot" ? "reauth-hubspot-token-revoked" : "reauth-salesforce-refresh-expired", at(hours));
  delete body.data.deadline;
  return await ingest(body, { now: at(hours) });
}

export const runJobsAt = async (hours: number) => await runDueJobs({ now: at(hours), log: () => undefined });

/** The scenario's integration row: acme's HubSpot unless another CRM is named. */
export const scenarioIntegration = (provider: Provider = "hubspot") => integrationRow(provider);

/** The scenario's company admin, as the integrations page would see them. */
export const scenarioAdmin = acmeAdmin(T);
