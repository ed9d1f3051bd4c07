import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { scheduledJobs } from "@/db/schema";
import type { ReminderInputs } from "@/lib/integrations/reauth-timers";
import { preparedInsert, preparedOnce } from "./prepared";
import type { Executor } from "./tx";

/*
 * The re-auth timers of one integration (docs/product R22): its reminder and
 * deadline rows in scheduled_jobs. When each is due and which one a status
 * change schedules, pauses, resumes or cancels is decided in
 * lib/integrations/reauth-timers.ts; these statements only carry it out,
 * inside the caller's transaction.
 */

type IntegrationRef = { tx: Executor; companyId: string; integrationId: number };

const insertJob = preparedInsert(scheduledJobs);

// Closing the alert by any path cancels its reminder (pending or paused) and deadline timers.
const cancelJobs = preparedOnce((d) =>
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
// the due time is bound as stored (epoch ms)
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

/** The deadline, and the reminder when there is one; the reminder keeps the alert's details it repeats. */
export function scheduleReauthJobs({
  companyId,
  integrationId,
  deadlineAt,
  reminder,
  at,
}: IntegrationRef & {
  deadlineAt: Date;
  reminder: { dueAt: Date; status: "pending" | "paused"; inputs: ReminderInputs } | null;
  at: Date;
}) {
  if (reminder) {
    insertJob({
      kind: "reauth_reminder",
      dueAt: reminder.dueAt,
      companyId,
      integrationId,
      status: reminder.status,
      payload: reminder.inputs,
      createdAt: at,
    });
  }
  insertJob({ kind: "reauth_deadline", dueAt: deadlineAt, companyId, integrationId, status: "pending", createdAt: at });
}

export function cancelReauthJobs({ companyId, integrationId }: IntegrationRef) {
  cancelJobs().run({ companyId, integrationId });
}

export function pauseReauthReminder({ companyId, integrationId }: IntegrationRef) {
  pauseReminder().run({ companyId, integrationId });
}

export function resumeReauthReminder({ companyId, integrationId, dueAt }: IntegrationRef & { dueAt: Date }) {
  resumeReminder().run({ companyId, integrationId, dueAtMs: dueAt.getTime() });
}
