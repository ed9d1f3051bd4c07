"use server";

import { z } from "zod";
import { authorizedAction, type ActionFailure } from "@/lib/auth/action";
import { queueTestEmail } from "@/lib/notifications/test-email";

export type TestEmailState =
  { ok: true; recipientCount: number; noRecipients: boolean; escalation: string; messageId: string } | ActionFailure;

/** Send test email (docs/product R9): admins and billing admins, to the recipients of the saved settings. */
export const sendTestEmailAction = authorizedAction(
  "report-settings:change",
  z.object({}),
  async (_input, { viewer }): Promise<TestEmailState> => {
    const queued = await queueTestEmail({ companyId: viewer.companyId, requestedBy: { name: viewer.name, email: viewer.email } });
    return {
      ok: true,
      recipientCount: queued.recipientCount,
      noRecipients: queued.noRecipients,
      escalation: queued.escalation,
      messageId: queued.messageIds[0],
    };
  },
);
