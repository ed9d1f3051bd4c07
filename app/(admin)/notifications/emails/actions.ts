"use server";

import { z } from "zod";
import { authorize, ForbiddenError } from "@/lib/auth/session";
import { findGalleryVariant } from "@/lib/notifications/gallery";
import { queueEmailPreview } from "@/lib/notifications/send-preview";

export type SendPreviewState =
  | { ok: true; messageId: string; to: string }
  | { ok?: false; error: string; fieldErrors?: { variant?: string } }
  | null;

const input = z.object({ variant: z.string().trim().min(1, "Choose an email to preview.").max(100) });

/*
 * "Send me this preview": the chosen gallery variant, to the signed-in user
 * only, through the normal outbox. Anyone who may see the gallery may send a
 * preview to themselves; the company and the address come from the session.
 */
export async function sendPreviewAction(_prev: SendPreviewState, formData: FormData): Promise<SendPreviewState> {
  let viewer;
  try {
    viewer = await authorize("notifications:view");
  } catch (error) {
    if (error instanceof ForbiddenError) return { error: error.message };
    throw error;
  }
  const parsed = input.safeParse({ variant: formData.get("variant") ?? "" });
  const variant = parsed.success ? findGalleryVariant(parsed.data.variant) : undefined;
  if (!variant) {
    const message = parsed.success ? "There is no such email in the gallery." : parsed.error.issues[0].message;
    return { error: "The preview was not sent.", fieldErrors: { variant: message } };
  }
  const { id, name, timeZone } = viewer.company;
  const queued = queueEmailPreview({ variant, company: { id, name, timeZone }, requestedBy: { name: viewer.name, email: viewer.email } });
  return { ok: true, messageId: queued.messageId, to: viewer.email };
}
