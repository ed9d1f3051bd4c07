"use client";

import type { ReactNode } from "react";
import { fieldDomId } from "@/lib/integrations/settings/labels";

/* The wizard's field building blocks: every control has its label, help text, "Modified" mark and error. */

export function ModifiedMark({ show }: { show: boolean }) {
  if (!show) return null;
  return (
    <span className="ml-2 inline-flex items-center rounded-full bg-amber-100 px-2 py-0.5 align-middle text-xs font-medium text-amber-900">
      Modified
    </span>
  );
}

export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={`${id}-error`} className="mt-1.5 text-sm font-medium text-red-700">
      {message}
    </p>
  );
}

/** A titled group of fields: title beside the fields, or above them when the fields need the full width. */
export function Section({
  title,
  description,
  stacked = false,
  children,
}: {
  title: string;
  description?: ReactNode;
  stacked?: boolean;
  children: ReactNode;
}) {
  return (
    <section className={`grid gap-4 border-b border-slate-200 py-6 last:border-b-0 ${stacked ? "" : "md:grid-cols-[16rem_1fr] md:gap-8"}`}>
      <div>
        <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
        {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
      </div>
      <div className="min-w-0 space-y-5">{children}</div>
    </section>
  );
}

export type Choice<V extends string> = { value: V; label: string; description?: string };

/** A radio group as a fieldset: the legend names it, each option explains itself. */
export function ChoiceField<V extends string>({
  errorKey,
  legend,
  help,
  value,
  choices,
  onChange,
  modified,
  error,
}: {
  errorKey: string;
  legend: string;
  help?: ReactNode;
  value: V;
  choices: Choice<V>[];
  onChange: (value: V) => void;
  modified: boolean;
  error?: string;
}) {
  const id = fieldDomId(errorKey);
  return (
    <fieldset aria-describedby={error ? `${id}-error` : help ? `${id}-help` : undefined}>
      <legend className="text-sm font-medium text-slate-900">
        {legend}
        <ModifiedMark show={modified} />
      </legend>
      {help && (
        <p id={`${id}-help`} className="mt-1 text-sm text-slate-600">
          {help}
        </p>
      )}
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {choices.map((c, i) => (
          // The option's name is its label; its explanation is a description, read after it.
          <label
            key={c.value}
            className={`flex cursor-pointer items-start gap-3 rounded-md border px-3 py-2.5 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:disabled]:cursor-not-allowed ${error ? "border-red-600" : "border-slate-300"}`}
          >
            <input
              type="radio"
              id={i === 0 ? id : undefined}
              name={id}
              value={c.value}
              checked={value === c.value}
              onChange={() => onChange(c.value)}
              aria-labelledby={`${id}-${c.value}-label`}
              aria-describedby={c.description ? `${id}-${c.value}-description` : undefined}
              className="mt-0.5 h-4 w-4 accent-brand-600"
            />
            <span>
              <span id={`${id}-${c.value}-label`} className="block font-medium text-slate-900">
                {c.label}
              </span>
              {c.description && (
                <span id={`${id}-${c.value}-description`} className="block text-xs text-slate-600">
                  {c.description}
                </span>
              )}
            </span>
          </label>
        ))}
      </div>
      <FieldError id={id} message={error} />
    </fieldset>
  );
}

export function ToggleField({
  errorKey,
  label,
  help,
  checked,
  onChange,
  modified,
}: {
  errorKey: string;
  label: string;
  help?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  modified: boolean;
}) {
  const id = fieldDomId(errorKey);
  return (
    <div className="flex items-start gap-3">
      <input
        type="checkbox"
        id={id}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={help ? `${id}-help` : undefined}
        className="mt-0.5 h-4 w-4 shrink-0 rounded border-slate-400 accent-brand-600"
      />
      <div>
        <label htmlFor={id} className="text-sm font-medium text-slate-900">
          {label}
        </label>
        <ModifiedMark show={modified} />
        {help && (
          <p id={`${id}-help`} className="text-sm text-slate-600">
            {help}
          </p>
        )}
      </div>
    </div>
  );
}
