import { transaction } from "@/db/queries/tx";
import type { Person } from "./email-props";
import { planNotification } from "./planner";
import { nudgeWorker } from "./nudge";

/*
 * Send test email (docs/product R9): a `test` notification to the recipients of the
 * SAVED Report settings, through the same planner, outbox and transport as
 * every real notification — so what arrives is what a real alert would reach.
 */

export type QueuedTestEmail = {
  notificationId: string;
  messageIds: string[];
  recipientCount: number;
  noRecipients: boolean;
  escalation: string;
};

export async function queueTestEmail({
  companyId,
  requestedBy,
  now = new Date(),
}: {
  companyId: string;
  requestedBy: Person;
  now?: Date;
}): Promise<QueuedTestEmail> {
  const planned = await transaction(
    async (tx) =>
      await planNotification(tx, {
        companyId,
        kind: "test",
        now,
        buildProps: ({ recipients }) => ({ requestedBy, sentAt: now.toISOString(), recipients }),
      }),
  );
  nudgeWorker();
  return {
    notificationId: planned.notificationId,
    messageIds: planned.messageIds,
    recipientCount: planned.recipients.length,
    noRecipients: planned.noRecipients,
    escalation: planned.escalation,
  };
}
