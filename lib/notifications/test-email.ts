import { db } from "@/db/client";
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

export function queueTestEmail({
  companyId,
  requestedBy,
  now = new Date(),
}: {
  companyId: string;
  requestedBy: Person;
  now?: Date;
}): QueuedTestEmail {
  const planned = db.transaction((tx) =>
    planNotification(tx, {
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
