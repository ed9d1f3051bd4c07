"use client";

import { useActionState, useEffect, useId, useRef } from "react";
import type { Provider } from "@/lib/integrations/providers";
import { startOAuth, type StartOAuthState } from "@/lib/integrations/oauth/actions";
import { buttonClass } from "@/components/ui/button";
import { Field, Input, Select, describedBy } from "@/components/ui/field";

/*
 * Connect / Reconnect / Re-authorize one CRM (docs/product R34–R36). The admin picks
 * what the provider needs first (Zoho's data centre, optionally Salesforce's
 * My Domain), then the server action sends the browser to the provider's or
 * the sandbox's consent page. Opened from a re-auth email
 * (?reconnect={provider}) the button scrolls into view and takes focus.
 */

export type ConnectMode = "connect" | "reconnect" | "reauthorize";
export type ConnectAvailability = { kind: "live" } | { kind: "sandbox" } | { kind: "unavailable"; message: string };

const LABELS: Record<ConnectMode, string> = { connect: "Connect", reconnect: "Reconnect", reauthorize: "Re-authorize" };

export function ConnectButton({
  provider,
  crm,
  mode,
  availability,
  dataCenters,
  zohoDataCenter,
  highlighted,
}: {
  provider: Provider;
  crm: string;
  mode: ConnectMode;
  availability: ConnectAvailability;
  dataCenters?: { value: string; label: string }[];
  zohoDataCenter?: string | null;
  highlighted: boolean;
}) {
  const [state, formAction, pending] = useActionState<StartOAuthState, FormData>(startOAuth, {});
  const buttonRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  const noteId = `${id}-note`;
  const label = `${LABELS[mode]} ${crm}`;
  const unavailable = availability.kind === "unavailable";

  useEffect(() => {
    if (!highlighted || !buttonRef.current) return;
    buttonRef.current.scrollIntoView({ block: "center", behavior: "smooth" });
    buttonRef.current.focus({ preventScroll: true });
  }, [highlighted]);

  // a connected Zoho re-authorizes in the data centre it is already in
  const askDataCenter = provider === "zoho" && !(mode === "reauthorize" && zohoDataCenter);
  const dcError = state.fieldErrors?.zohoDataCenter;
  const hostError = state.fieldErrors?.loginHost;

  return (
    <form action={formAction} className="w-full space-y-3" noValidate>
      <input type="hidden" name="provider" value={provider} />
      {highlighted && (
        <p className="rounded-md bg-brand-50 px-3 py-2 text-sm font-medium text-brand-800">
          {mode === "reauthorize"
            ? `${crm} is connected again: there is nothing to reconnect.`
            : `${LABELS[mode]} ${crm} to resume syncing.`}
        </p>
      )}
      {provider === "zoho" &&
        !unavailable &&
        (askDataCenter ? (
          <Field
            id={`${id}-dc`}
            label="Zoho data centre"
            hint="Where your Zoho account is hosted: the domain you sign in at."
            error={dcError}
          >
            <Select
              id={`${id}-dc`}
              name="zohoDataCenter"
              key={`dc-${state.values?.zohoDataCenter ?? ""}`}
              defaultValue={state.values?.zohoDataCenter ?? zohoDataCenter ?? ""}
              invalid={!!dcError}
              aria-describedby={describedBy(`${id}-dc`, dcError, true)}
              required
            >
              <option value="" disabled>
                Choose a data centre…
              </option>
              {dataCenters?.map((dc) => (
                <option key={dc.value} value={dc.value}>
                  {dc.label}
                </option>
              ))}
            </Select>
          </Field>
        ) : (
          <input type="hidden" name="zohoDataCenter" value={zohoDataCenter ?? ""} />
        ))}
      {provider === "salesforce" && !unavailable && (
        <details className="text-sm" open={!!hostError}>
          <summary className="cursor-pointer text-slate-700">Use My Domain or a sandbox login host</summary>
          <div className="mt-2">
            <Field
              id={`${id}-host`}
              label="Salesforce login host"
              hint="Leave empty for login.salesforce.com. Sandboxes: test.salesforce.com. My Domain: acme.my.salesforce.com."
              error={hostError}
            >
              <Input
                id={`${id}-host`}
                name="loginHost"
                key={`host-${state.values?.loginHost ?? ""}`}
                defaultValue={state.values?.loginHost ?? ""}
                placeholder="login.salesforce.com"
                autoComplete="off"
                spellCheck={false}
                invalid={!!hostError}
                aria-describedby={describedBy(`${id}-host`, hostError, true)}
              />
            </Field>
          </div>
        </details>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <button
          ref={buttonRef}
          type="submit"
          disabled={unavailable || pending}
          aria-label={label}
          aria-describedby={unavailable || availability.kind === "sandbox" ? noteId : undefined}
          className={buttonClass(
            mode === "reauthorize" ? "secondary" : "primary",
            highlighted ? "ring-2 ring-brand-600 ring-offset-2" : "",
          )}
        >
          {pending ? `Opening ${crm}…` : label}
        </button>
        {availability.kind === "sandbox" && (
          <span id={noteId} className="text-xs text-slate-600">
            <span className="mr-1 rounded bg-amber-100 px-1.5 py-0.5 font-medium text-amber-900">Sandbox</span>
            No {crm} credentials are configured: this uses the built-in sandbox.
          </span>
        )}
      </div>
      {unavailable && (
        <p id={noteId} className="text-sm text-slate-700">
          {availability.message}
        </p>
      )}
      {state.error && !dcError && !hostError && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {state.error}
        </p>
      )}
    </form>
  );
}
