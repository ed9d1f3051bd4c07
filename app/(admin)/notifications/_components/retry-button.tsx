"use client";

import { useActionState } from "react";
import { retryMessageAction, type RetryState } from "../actions";
import { buttonClass } from "@/components/ui/button";

/*
 * Retry one failed message (docs/product R24: a new idempotency key, the stored
 * email). The server checks the role; the answer stays next to the button.
 */
export function RetryButton({ messageId, label, compact = false }: { messageId: string; label: string; compact?: boolean }) {
  const [state, action, pending] = useActionState<RetryState, FormData>(retryMessageAction, {});
  return (
    <form action={action} className={compact ? "inline-flex flex-col items-end gap-1" : "flex flex-wrap items-center gap-3"}>
      <input type="hidden" name="messageId" value={messageId} />
      {!state.ok && (
        <button
          type="submit"
          aria-label={label}
          disabled={pending}
          className={buttonClass("secondary", compact ? "px-2.5 py-1 text-xs" : "")}
        >
          {pending ? "Retrying…" : "Retry"}
        </button>
      )}
      {state.error && (
        <p role="alert" className="max-w-xs text-sm font-medium text-red-700">
          {state.error}
        </p>
      )}
      {state.ok && (
        <p role="status" className="max-w-xs text-sm text-green-800">
          {compact ? "Queued again" : state.message}
        </p>
      )}
    </form>
  );
}
