import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { scheduledJobs } from "@/db/schema";
import type { ReminderInputs } from "@/lib/integrations/reauth-timers";
import { preparedInsert } from "./prepared";
import type { Executor } from "./tx";

/*
 * The re-auth timers of one integration (docs/product R22): its reminder and
 * deadline rows in scheduled_jobs. When each is due and which one a status
 * change schedules, pauses, resumes or cancels is decided in
 * lib/integrations/reauth-timers.ts; these statements only carry it out,
 * on the caller's transaction `tx`.
 */

type IntegrationRef = { tx: Executor; companyId: string; integrationId: number };

const jobsOf = ({ companyId, integrationId }: IntegrationRef) =>
  and(eq(scheduledJobs.companyId, companyId), eq(scheduledJobs.integrationId, integrationId));

const insertJob = preparedInsert(scheduledJobs);

/** The deadline, and the reminder when there is one; the reminder keeps the alert's details it repeats. */
export async function scheduleReauthJobs({
  tx,
  companyId,
  integrationId,
  deadlineAt,
  reminder,
  at,
}: IntegrationRef & {
  deadlineAt: Date;
  reminder: { dueAt: Date; status: "pending" | "paused"; inputs: ReminderInputs } | null;
  at: Date;
}): Promise<void> {
  if (reminder) {
    await insertJob(tx, {
      kind: "reauth_reminder",
      dueAt: reminder.dueAt,
      companyId,
      integrationId,
      status: reminder.status,
      payload: reminder.inputs,
      createdAt: at,
    });
  }
  await insertJob(tx, { kind: "reauth_deadline", dueAt: deadlineAt, companyId, integrationId, status: "pending", createdAt: at });
}

/** Closing the alert by any path cancels its reminder (pending or paused) and deadline timers. */
export async function cancelReauthJobs(ref: IntegrationRef): Promise<void> {
  await ref.tx
    .update(scheduledJobs)
    .set({ status: "cancelled" })
    .where(
      and(
        jobsOf(ref),
        inArray(scheduledJobs.status, ["pending", "paused"]),
        inArray(scheduledJobs.kind, ["reauth_reminder", "reauth_deadline"]),
      ),
    );
}

export async function pauseReauthReminder(ref: IntegrationRef): Promise<void> {
  await ref.tx
    .update(scheduledJobs)
    .set({ status: "paused" })
    .where(and(jobsOf(ref), eq(scheduledJobs.status, "pending"), eq(scheduledJobs.kind, "reauth_reminder")));
}

export async function resumeReauthReminder({ dueAt, ...ref }: IntegrationRef & { dueAt: Date }): Promise<void> {
  await ref.tx
    .update(scheduledJobs)
    .set({ status: "pending", dueAt })
    .where(and(jobsOf(ref), eq(scheduledJobs.status, "paused"), eq(scheduledJobs.kind, "reauth_reminder")));
}
