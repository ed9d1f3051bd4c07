"use server";

import { z } from "zod";
import { authorizedAction, type ActionFailure } from "@/lib/auth/action";
import { findGalleryVariant } from "@/lib/notifications/gallery";
import { queueEmailPreview } from "@/lib/notifications/send-preview";

const CHOOSE = "Choose an email to preview.";

const input = z.object({
  variant: z
    .string({ error: CHOOSE })
    .trim()
    .min(1, CHOOSE)
    .max(100)
    .transform((id, ctx) => {
      const variant = findGalleryVariant(id);
      if (!variant) ctx.addIssue({ code: "custom", message: "There is no such email in the gallery." });
      return variant ?? z.NEVER;
    }),
});

export type SendPreviewState = { ok: true; messageId: string; to: string } | ActionFailure<z.input<typeof input>> | null;

/*
 * "Send me this preview": the chosen gallery variant, to the signed-in user
 * only, through the normal outbox. Anyone who may see the gallery may send a
 * preview to themselves; the company and the address come from the session.
 */
export const sendPreviewAction = authorizedAction(
  "notifications:view",
  input,
  async ({ variant }, { viewer }): Promise<SendPreviewState> => {
    const { id, name, timeZone } = viewer.company;
    const queued = await queueEmailPreview({
      variant,
      company: { id, name, timeZone },
      requestedBy: { name: viewer.name, email: viewer.email },
    });
    return { ok: true, messageId: queued.messageId, to: viewer.email };
  },
  { invalid: { summary: "The preview was not sent." } },
);
