import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { integrations, scheduledJobs } from "@/db/schema";
import type { Provider } from "@/lib/integrations/providers";
import { alertOpen, authorizationBroken, type IntegrationState } from "@/lib/integrations/status";
import { insertAudit, type AuditActor } from "./audit";
import { preparedInsert, preparedOnce } from "./prepared";
import type { Executor } from "./tx";

/*
 * Status reads and writes of one integration, inside the caller's
 * transaction, with the audit row of every change (SPEC R11: "every change is
 * audited with who or which event caused it") and the re-auth timers (R22),
 * which follow the open alert, not the status: opening it schedules the
 * reminder (24 h before the deadline, unless the alert itself went out later
 * than that) and the deadline; closing it cancels both. While the
 * integration is disabled with the alert open, the reminder is paused (no
 * "reconnect soon" for an integration that is off) and the deadline keeps
 * running; Enable resumes the reminder, at once if its time passed meanwhile.
 */

// Prepared once (db/queries/prepared.ts): read by every ingested event; `tx` names the transaction it joins.
const stateOf = preparedOnce((d) =>
  d
    .select({
      id: integrations.id,
      status: integrations.status,
      statusReason: integrations.statusReason,
      disabledBy: integrations.disabledBy,
      reauthReason: integrations.reauthReason,
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
// Closing the alert by any path cancels its reminder (pending or paused) and deadline timers.
const cancelReauthJobs = preparedOnce((d) =>
  d
    .update(scheduledJobs)
    .set({ status: "cancelled" })
    .where(
      and(
        eq(scheduledJobs.companyId, sql.placeholder("companyId")),
        eq(scheduledJobs.integrationId, sql.placeholder("integrationId")),
        inArray(scheduledJobs.status, ["pending", "paused"]),
        inArray(scheduledJobs.kind, ["reauth_reminder", "reauth_deadline"]),
      ),
    )
    .prepare(),
);
const pauseReminder = preparedOnce((d) =>
  d
    .update(scheduledJobs)
    .set({ status: "paused" })
    .where(
      and(
        eq(scheduledJobs.companyId, sql.placeholder("companyId")),
        eq(scheduledJobs.integrationId, sql.placeholder("integrationId")),
        eq(scheduledJobs.status, "pending"),
        eq(scheduledJobs.kind, "reauth_reminder"),
      ),
    )
    .prepare(),
);
const resumeReminder = preparedOnce((d) =>
  d
    .update(scheduledJobs)
    .set({ status: "pending", dueAt: sql`${sql.placeholder("dueAtMs")}` })
    .where(
      and(
        eq(scheduledJobs.companyId, sql.placeholder("companyId")),
        eq(scheduledJobs.integrationId, sql.placeholder("integrationId")),
        eq(scheduledJobs.status, "paused"),
        eq(scheduledJobs.kind, "reauth_reminder"),
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
      reauthReason: bound("reauthReason"),
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
    reauthReason: after.reauthReason,
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
  const wasOpen = alertOpen(before);
  const isOpen = alertOpen(after);
  const ids = { companyId, integrationId: row.id };
  if (wasOpen && !isOpen) cancelReauthJobs().run(ids);
  if (!wasOpen && isOpen) scheduleReauthJobs({ after, at, ...ids });
  if (wasOpen && isOpen && before.status === "needs_reauth" && after.status === "disabled") pauseReminder().run(ids);
  if (wasOpen && isOpen && before.status === "disabled" && after.status === "needs_reauth") {
    // a reminder whose time passed while paused is due at once (Enable checked that the deadline is still ahead)
    const dueAtMs = Math.max(after.reauthDeadlineAt!.getTime() - REMINDER_BEFORE_MS, at.getTime());
    resumeReminder().run({ ...ids, dueAtMs });
  }
}

function scheduleReauthJobs({ after, at, companyId, integrationId }: { after: IntegrationState; at: Date; companyId: string; integrationId: number }) {
  const deadline = after.reauthDeadlineAt!;
  const reminderAt = new Date(deadline.getTime() - REMINDER_BEFORE_MS);
  if (after.reauthAlertOpenedAt && after.reauthAlertOpenedAt.getTime() < reminderAt.getTime()) {
    const status = after.status === "needs_reauth" ? "pending" : "paused";
    insertJob({ kind: "reauth_reminder", dueAt: reminderAt, companyId, integrationId, status, createdAt: at });
  }
  insertJob({ kind: "reauth_deadline", dueAt: deadline, companyId, integrationId, status: "pending", createdAt: at });
}

function auditView(s: IntegrationState) {
  return {
    status: s.status,
    statusReason: s.statusReason,
    disabledBy: s.disabledBy,
    authorization: authorizationBroken(s) ? "broken" : "healthy",
    reauthReason: s.reauthReason,
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
