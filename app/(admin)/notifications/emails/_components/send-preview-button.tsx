"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { sendPreviewAction, type SendPreviewState } from "../actions";

/** Sends the variant on screen to the signed-in user, through the real outbox, and links to the result. */
export function SendPreviewButton({ variantId }: { variantId: string }) {
  const [state, action, pending] = useActionState<SendPreviewState, FormData>(sendPreviewAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center justify-end gap-3">
      <input type="hidden" name="variant" value={variantId} />
      <p role="status" aria-live="polite" className="text-sm">
        {!pending && state?.ok && (
          <span className="text-green-800">
            Preview sent to you ({state.to}) —{" "}
            <Link href={`/notifications/mailbox/${state.messageId}`} className="font-medium underline">
              open the Mailbox
            </Link>
          </span>
        )}
        {!pending && state && !state.ok && (
          <span className="font-medium text-red-700">
            {state.error}
            {state.fieldErrors?.variant ? ` ${state.fieldErrors.variant}` : ""}
          </span>
        )}
      </p>
      <Button type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? "Sending…" : "Send me this preview"}
      </Button>
    </form>
  );
}
