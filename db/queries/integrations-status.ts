import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { integrations, scheduledJobs, type Provider } from "@/db/schema";
import type { IntegrationState } from "@/lib/integrations/status";
import { insertAudit, type AuditActor } from "./audit";
import { preparedInsert, preparedOnce } from "./prepared";
import type { Executor } from "./tx";

/*
 * Status reads and writes of one integration, inside the caller's
 * transaction, with the audit row of every change (SPEC R11: "every change is
 * audited with who or which event caused it") and the re-auth timers (R22):
 * entering needs_reauth schedules the reminder (24 h before the deadline,
 * unless the alert itself went out later than that) and the deadline;
 * leaving it by any path cancels both.
 */

// Prepared once (db/queries/prepared.ts): read by every ingested event; `tx` names the transaction it joins.
const stateOf = preparedOnce((d) =>
  d
    .select({
      id: integrations.id,
      status: integrations.status,
      statusReason: integrations.statusReason,
      disabledBy: integrations.disabledBy,
      reauthAlertOpenedAt: integrations.reauthAlertOpenedAt,
      reauthDeadlineAt: integrations.reauthDeadlineAt,
    })
    .from(integrations)
    .where(and(eq(integrations.companyId, sql.placeholder("companyId")), eq(integrations.provider, sql.placeholder("provider"))))
    .prepare(),
);

// Every accepted event stamps its integration; the time is bound as stored (epoch ms).
const touchLastEvent = preparedOnce((d) =>
  d
    .update(integrations)
    .set({ lastEventAt: sql`${sql.placeholder("atMs")}` })
    .where(and(eq(integrations.companyId, sql.placeholder("companyId")), eq(integrations.provider, sql.placeholder("provider"))))
    .prepare(),
);
const insertJob = preparedInsert(scheduledJobs);
// Leaving needs_reauth by any path cancels its pending reminder and deadline timers.
const cancelReauthJobs = preparedOnce((d) =>
  d
    .update(scheduledJobs)
    .set({ status: "cancelled" })
    .where(
      and(
        eq(scheduledJobs.companyId, sql.placeholder("companyId")),
        eq(scheduledJobs.integrationId, sql.placeholder("integrationId")),
        eq(scheduledJobs.status, "pending"),
        inArray(scheduledJobs.kind, ["reauth_reminder", "reauth_deadline"]),
      ),
    )
    .prepare(),
);
// A status change binds its times as stored (epoch ms, or NULL).
const saveState = preparedOnce((d) => {
  const bound = (name: string) => sql`${sql.placeholder(name)}`;
  return d
    .update(integrations)
    .set({
      status: bound("status"),
      statusReason: bound("statusReason"),
      disabledBy: bound("disabledBy"),
      reauthAlertOpenedAt: bound("reauthAlertOpenedAtMs"),
      reauthDeadlineAt: bound("reauthDeadlineAtMs"),
      statusChangedAt: bound("atMs"),
    })
    .where(and(eq(integrations.companyId, sql.placeholder("companyId")), eq(integrations.provider, sql.placeholder("provider"))))
    .returning({ id: integrations.id })
    .prepare();
});

export function getIntegrationState({ companyId, provider }: { tx: Executor; companyId: string; provider: Provider }) {
  return stateOf().get({ companyId, provider });
}

export type StatusActor = AuditActor;

const REMINDER_BEFORE_MS = 24 * 60 * 60 * 1000;

/** Stores the new state and its audit row (before → after) in the same transaction. */
export function saveIntegrationState({
  tx,
  companyId,
  provider,
  before,
  after,
  actor,
  at,
}: {
  tx: Executor;
  companyId: string;
  provider: Provider;
  before: IntegrationState;
  after: IntegrationState;
  actor: StatusActor;
  at: Date;
}) {
  const row = saveState().get({
    status: after.status,
    statusReason: after.statusReason,
    disabledBy: after.disabledBy,
    reauthAlertOpenedAtMs: after.reauthAlertOpenedAt?.getTime() ?? null,
    reauthDeadlineAtMs: after.reauthDeadlineAt?.getTime() ?? null,
    atMs: at.getTime(),
    companyId,
    provider,
  });
  insertAudit({
    tx,
    companyId,
    actor,
    action: `integration.${after.status}`,
    entity: `integration:${provider}`,
    before: auditView(before),
    after: auditView(after),
    at,
  });
  if (!row) return;
  if (before.status === "needs_reauth" && after.status !== "needs_reauth") {
    cancelReauthJobs().run({ companyId, integrationId: row.id });
  }
  if (before.status !== "needs_reauth" && after.status === "needs_reauth" && after.reauthDeadlineAt) {
    const deadline = after.reauthDeadlineAt;
    const reminderAt = new Date(deadline.getTime() - REMINDER_BEFORE_MS);
    const jobs: { kind: "reauth_reminder" | "reauth_deadline"; dueAt: Date }[] = [{ kind: "reauth_deadline", dueAt: deadline }];
    if (after.reauthAlertOpenedAt && after.reauthAlertOpenedAt.getTime() < reminderAt.getTime()) {
      jobs.unshift({ kind: "reauth_reminder", dueAt: reminderAt });
    }
    for (const j of jobs) insertJob({ ...j, companyId, integrationId: row.id, status: "pending", createdAt: at });
  }
}

function auditView(s: IntegrationState) {
  return {
    status: s.status,
    statusReason: s.statusReason,
    disabledBy: s.disabledBy,
    reauthDeadlineAt: s.reauthDeadlineAt?.toISOString() ?? null,
  };
}

export function touchIntegrationLastEvent({
  companyId,
  provider,
  at,
}: {
  tx: Executor;
  companyId: string;
  provider: Provider;
  at: Date;
}) {
  touchLastEvent().run({ atMs: at.getTime(), companyId, provider });
}
