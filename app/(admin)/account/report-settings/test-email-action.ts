"use server";

import { authorize, ForbiddenError } from "@/lib/auth/session";
import { queueTestEmail } from "@/lib/notifications/test-email";

export type TestEmailState =
  | { ok: true; recipientCount: number; noRecipients: boolean; escalation: string; messageId: string }
  | { ok: false; error: string };

/** Send test email (SPEC R9): admins and billing admins, to the recipients of the saved settings. */
export async function sendTestEmailAction(): Promise<TestEmailState> {
  let viewer;
  try {
    viewer = await authorize("report-settings:change");
  } catch (error) {
    if (error instanceof ForbiddenError) return { ok: false, error: error.message };
    throw error;
  }
  const queued = queueTestEmail({ companyId: viewer.companyId, requestedBy: { name: viewer.name, email: viewer.email } });
  return {
    ok: true,
    recipientCount: queued.recipientCount,
    noRecipients: queued.noRecipients,
    escalation: queued.escalation,
    messageId: queued.messageIds[0],
  };
}
