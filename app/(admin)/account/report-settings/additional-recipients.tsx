"use client";

import { useId, useState } from "react";
import type { Role } from "@/db/schema";
import { Badge } from "@/components/ui/badge";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { FIELD } from "@/lib/report-settings/fields";
import type { CompanyUser } from "./form-values";
import { PersonLabel } from "./person-label";

const SHOWN_CANDIDATES = 8;

/*
 * Picks specific people of the company (docs/product R5): any role, agents included.
 * Deactivated people are listed as unavailable so an admin sees why they
 * cannot be added; one already listed stays visible until removed.
 */
export function AdditionalRecipients({
  users,
  selectedIds,
  checkedRoles,
  onChange,
  readOnly,
  error,
}: {
  users: CompanyUser[];
  selectedIds: string[];
  checkedRoles: Role[];
  onChange: (ids: string[]) => void;
  readOnly: boolean;
  error?: string;
}) {
  const [query, setQuery] = useState("");
  const searchId = useId();
  const errorId = `${FIELD.additionalUserIds}-error`;
  const selected = new Set(selectedIds);
  const listed = users.filter((u) => selected.has(u.id));
  const q = query.trim().toLowerCase();
  const matches = users.filter((u) => !selected.has(u.id) && (!q || u.name.toLowerCase().includes(q) || u.email.toLowerCase().includes(q)));
  const shown = matches.slice(0, SHOWN_CANDIDATES);

  return (
    <div className="space-y-4">
      {selectedIds.map((id) => (
        <input key={id} type="hidden" name={FIELD.additionalUserIds} value={id} />
      ))}

      <div>
        <p id="additional-list-label" className="text-sm font-medium text-slate-800">
          Listed people <span className="font-normal text-slate-600">({listed.length})</span>
        </p>
        {listed.length === 0 ? (
          <p className="mt-2 rounded-md border border-dashed border-slate-300 px-4 py-3 text-sm text-slate-600">
            Nobody is listed. People you add here receive reports whatever their role.
          </p>
        ) : (
          <ul aria-labelledby="additional-list-label" className="mt-2 divide-y divide-slate-100 rounded-md border border-slate-200">
            {listed.map((u) => (
              <li key={u.id} className="flex items-center justify-between gap-3 px-3 py-2">
                <PersonLabel person={u}>
                  <Badge>{ROLE_LABELS[u.role]}</Badge>
                  {!u.active && <Badge tone="warning">Deactivated · receives nothing</Badge>}
                </PersonLabel>
                {!readOnly && (
                  <button
                    type="button"
                    onClick={() => onChange(selectedIds.filter((x) => x !== u.id))}
                    aria-label={`Remove ${u.name}`}
                    className="shrink-0 rounded-md px-2.5 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50"
                  >
                    Remove
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {error && (
          <p id={errorId} role="alert" className="mt-2 text-sm font-medium text-red-700">
            {error}
          </p>
        )}
      </div>

      {!readOnly && (
        <div className="rounded-md bg-slate-50 p-3 ring-1 ring-inset ring-slate-200">
          <label htmlFor={searchId} className="block text-sm font-medium text-slate-800">
            Add people
          </label>
          <input
            id={searchId}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Search by name or email"
            aria-describedby={error ? errorId : undefined}
            autoComplete="off"
            className="mt-1.5 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm"
          />
          <ul aria-label="People you can add" className="mt-2 space-y-1">
            {shown.map((u) => (
              <li
                key={u.id}
                className="flex items-center justify-between gap-3 rounded-md bg-white px-3 py-2 ring-1 ring-inset ring-slate-200"
              >
                <PersonLabel person={u} muted={!u.active}>
                  <Badge>{ROLE_LABELS[u.role]}</Badge>
                  {!u.active && <Badge tone="warning">Deactivated · unavailable</Badge>}
                  {u.active && checkedRoles.includes(u.role) && <Badge tone="info">Already receives by role</Badge>}
                </PersonLabel>
                {u.active && (
                  <button
                    type="button"
                    onClick={() => onChange([...selectedIds, u.id])}
                    aria-label={`Add ${u.name}`}
                    className="shrink-0 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
                  >
                    Add
                  </button>
                )}
              </li>
            ))}
          </ul>
          <p className="mt-2 text-xs text-slate-600" aria-live="polite">
            {matches.length === 0
              ? q
                ? `Nobody else matches “${query.trim()}”.`
                : "Everyone in your company is already listed."
              : matches.length > shown.length
                ? `Showing ${shown.length} of ${matches.length}. Type to narrow the list.`
                : `${matches.length} ${matches.length === 1 ? "person" : "people"} can be added.`}
          </p>
        </div>
      )}
    </div>
  );
}
