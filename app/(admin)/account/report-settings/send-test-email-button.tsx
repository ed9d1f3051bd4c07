"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { sendTestEmailAction, type TestEmailState } from "./test-email-action";

/*
 * Send test email (docs/product R9). A plain button calling the action, not a form:
 * it sits inside the Report settings form, and a test must never submit the
 * unsaved edits around it. It always goes to the SAVED settings, so with
 * unsaved edits it says so and asks before sending.
 */
export function SendTestEmailButton({ unsaved, savedRecipientCount }: { unsaved: boolean; savedRecipientCount: number }) {
  const [state, setState] = useState<TestEmailState | null>(null);
  const [pending, startTransition] = useTransition();
  const [asking, setAsking] = useState(false);

  function send() {
    setAsking(false);
    startTransition(async () => {
      try {
        setState(await sendTestEmailAction());
      } catch {
        setState({ error: "The test email could not be queued. Try again." });
      }
    });
  }

  const shown = state && !pending;
  return (
    <div className="sm:relative">
      {/* A bubble above the button: the save bar around it has no room for a sentence.
          On a phone the button may sit at the left edge, so the bubble spans the whole bar instead. */}
      <div
        role="status"
        aria-live="polite"
        className={
          shown
            ? "absolute bottom-full right-0 mb-3 w-max max-w-md rounded-md max-sm:inset-x-0 max-sm:w-auto max-sm:max-w-none border border-slate-200 bg-white px-3 py-2 text-sm shadow-lg"
            : "sr-only"
        }
      >
        {shown && (
          <div className="flex items-start gap-3">
            <span>{state.ok ? <Queued state={state} /> : <span className="font-medium text-red-700">{state.error}</span>}</span>
            <button
              type="button"
              onClick={() => setState(null)}
              aria-label="Dismiss"
              className="-mr-1 rounded px-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800"
            >
              ×
            </button>
          </div>
        )}
      </div>
      <ConfirmDialog
        open={asking}
        title="Send the test to the saved recipients?"
        description={
          <>
            <p>
              The test email uses the <strong>saved</strong> settings: it goes to{" "}
              {savedRecipientCount === 0
                ? "the escalation address, as nobody resolves from them"
                : savedRecipientCount === 1
                  ? "the 1 person they resolve to"
                  : `the ${savedRecipientCount} people they resolve to`}
              . Your unsaved changes are not used.
            </p>
            <p className="mt-2">To test your changes, save them first.</p>
          </>
        }
        cancelLabel="Cancel"
        confirmLabel="Send to saved recipients"
        onConfirm={send}
        onCancel={() => setAsking(false)}
      />
      <Button
        variant="secondary"
        onClick={() => (unsaved ? setAsking(true) : send())}
        disabled={pending}
        aria-disabled={pending}
        title="Sends a test email to the recipients of the saved settings"
      >
        {pending ? "Queuing…" : "Send test email"}
      </Button>
    </div>
  );
}

function Queued({ state }: { state: Extract<TestEmailState, { ok: true }> }) {
  const what = state.noRecipients
    ? `Nobody matches the saved settings: test email queued to the escalation address ${state.escalation}.`
    : `Test email queued to ${state.recipientCount} ${state.recipientCount === 1 ? "recipient" : "recipients"}.`;
  return (
    <span className={state.noRecipients ? "text-amber-900" : "text-green-800"}>
      {what}{" "}
      <Link href={`/notifications/mailbox/${state.messageId}`} className="whitespace-nowrap font-medium underline">
        Open in Mailbox
      </Link>
    </span>
  );
}
