"use client";

import { startTransition, useActionState, useState } from "react";
import type { Provider } from "@/lib/integrations/providers";
import { changeIntegrationStatus, type StatusActionState } from "@/lib/integrations/status-action";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";

type Action = "disable" | "enable";

/*
 * Disable / Enable with a confirmation dialog. One component per card holds
 * the server's answer, so the message stays when the card re-renders with the
 * new status (and the other button).
 */
export function StatusActions({
  provider,
  crm,
  offer,
  authBroken = false,
  enableSyncs = true,
}: {
  provider: Provider;
  crm: string;
  offer: Action | null;
  authBroken?: boolean; // the authorization is broken: Disable keeps it so, Enable cannot make it sync
  enableSyncs?: boolean;
}) {
  const [confirming, setConfirming] = useState<Action | null>(null);
  const [state, formAction, pending] = useActionState<StatusActionState, FormData>(async (previous, data) => {
    const answer = await changeIntegrationStatus(previous, data);
    // the dialog closes in the same commit that shows the answer it waited for
    startTransition(() => setConfirming(null));
    return answer;
  }, {});

  const submit = (action: Action) => {
    const data = new FormData();
    data.set("provider", provider);
    data.set("action", action);
    startTransition(() => formAction(data));
  };

  const disable = confirming === "disable";
  return (
    <>
      {offer && (
        <Button
          variant={offer === "disable" ? "danger" : "primary"}
          onClick={() => setConfirming(offer)}
          aria-label={`${offer === "disable" ? "Disable" : "Enable"} ${crm}`}
        >
          {offer === "disable" ? "Disable" : "Enable"}
        </Button>
      )}
      {state.error && (
        <p role="alert" className="w-full text-sm font-medium text-red-700">
          {state.error}
        </p>
      )}
      {state.ok && state.message && (
        <p role="status" className="w-full text-sm text-green-800">
          {state.message}
        </p>
      )}
      <ConfirmDialog
        open={confirming !== null}
        tone={disable ? "danger" : "primary"}
        title={disable ? `Disable ${crm}?` : `Enable ${crm}?`}
        description={
          disable
            ? authBroken
              ? `Switchboard stops syncing contacts and logging activity to ${crm}. Its authorization stays broken: disabling doesn't fix it, the re-authentication deadline still runs, and it syncs again only after a reconnect. Everyone who receives integration reports gets an email.`
              : `Switchboard stops syncing contacts and logging activity to ${crm}. The connection is kept, so a company admin can enable it again without reconnecting. Everyone who receives integration reports gets an email.`
            : enableSyncs
              ? `Switchboard resumes syncing with ${crm} using the stored connection. Everyone who receives integration reports gets an email.`
              : `${crm}'s authorization is still broken, so Enable returns it to Needs re-authentication with its original deadline; nothing syncs until a company admin reconnects it. No "enabled" email is sent.`
        }
        confirmLabel={disable ? `Disable ${crm}` : `Enable ${crm}`}
        pending={pending}
        onConfirm={() => confirming && submit(confirming)}
        onCancel={() => setConfirming(null)}
      />
    </>
  );
}
