"use client";

import { Badge } from "@/components/ui/badge";
import { Input, describedBy } from "@/components/ui/field";
import { FIELD, normalizeBccOverride } from "@/lib/report-settings/fields";
import { SettingsCard } from "./settings-card";

/* The escalation BCC (docs/product R6): the deployment default unless the company overrides it. */
export function EscalationBcc({
  value,
  defaultBcc,
  onChange,
  readOnly,
  error,
}: {
  value: string;
  defaultBcc: string;
  onChange: (value: string) => void;
  readOnly: boolean;
  error?: string;
}) {
  const id = FIELD.escalationBcc;
  const usingDefault = normalizeBccOverride(value, defaultBcc) === null;
  return (
    <SettingsCard
      id="escalation"
      title="Escalation BCC"
      description="One address that receives a blind copy of every integration notification, so escalations can be tracked outside the app."
      badge={usingDefault ? <Badge tone="info">Default in use</Badge> : <Badge>Custom address</Badge>}
    >
      <div className="space-y-1.5">
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          Escalation email address
        </label>
        <div className="flex max-w-lg flex-wrap items-center gap-2">
          <Input
            id={id}
            name={FIELD.escalationBcc}
            type="email"
            autoComplete="off"
            spellCheck={false}
            value={value}
            placeholder={defaultBcc}
            onChange={(e) => onChange(e.target.value)}
            invalid={!!error}
            aria-describedby={describedBy(id, error, true)}
            className="min-w-0 flex-1"
          />
          {!readOnly && !usingDefault && (
            <button
              type="button"
              onClick={() => onChange(defaultBcc)}
              className="rounded-md px-2.5 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50"
            >
              Use default
            </button>
          )}
        </div>
        {error ? (
          <p id={`${id}-error`} role="alert" className="text-sm font-medium text-red-700">
            {error}
          </p>
        ) : (
          <p id={`${id}-hint`} className="text-xs text-slate-600">
            {usingDefault ? (
              <>
                Using the deployment default, <span className="font-medium text-slate-800">{defaultBcc}</span>.
              </>
            ) : (
              <>Overrides the deployment default ({defaultBcc}). Clear the field to go back to it.</>
            )}{" "}
            Sent once per notification, never in To — unless nobody else resolves.
          </p>
        )}
      </div>
    </SettingsCard>
  );
}
