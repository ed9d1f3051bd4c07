"use client";

import { Badge } from "@/components/ui/badge";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { resolveRecipients, escalationBccAddress } from "@/lib/notifications/recipients";
import { normalizeBccOverride } from "@/lib/report-settings/fields";
import type { CompanyUser, FormValues } from "./form-values";
import { PersonLabel } from "./person-label";

/** "These N people receive…", in a sentence that also fits nobody and one person. */
export function recipientsHeadline(n: number): string {
  if (n === 0) return "Nobody is set to receive integration reports";
  return n === 1 ? "This 1 person receives integration reports" : `These ${n} people receive integration reports`;
}

function peopleCount(n: number) {
  return n === 1 ? "1 person" : `${n} people`;
}

/*
 * Who receives integration reports (docs/product R9, R10), resolved in the browser
 * from the form as it is now, compared with the saved settings so the effect
 * of a change is visible before saving.
 */
export function ResolvedRecipients({
  users,
  current,
  saved,
  defaultBcc,
  dirty,
}: {
  users: CompanyUser[];
  current: FormValues;
  saved: FormValues;
  defaultBcc: string;
  dirty: boolean;
}) {
  const now = resolveRecipients({ users, roles: current.roles, additionalUserIds: current.additionalUserIds });
  const before = resolveRecipients({ users, roles: saved.roles, additionalUserIds: saved.additionalUserIds });
  const key = (p: { email: string }) => p.email.toLowerCase();
  const nowKeys = new Set(now.recipients.map(key));
  const beforeKeys = new Set(before.recipients.map(key));
  const added = now.recipients.filter((p) => !beforeKeys.has(key(p)));
  const removed = before.recipients.filter((p) => !nowKeys.has(key(p)));
  const bcc = escalationBccAddress({
    override: normalizeBccOverride(current.escalationBcc, defaultBcc),
    defaultAddress: defaultBcc,
  });
  // a rough check only: the server validates; this just avoids previewing "BCC to nope"
  const bccLooksValid = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(bcc);
  const excluded = users.filter(
    (u) => !u.active && (current.roles.some((r) => r === u.role) || current.additionalUserIds.includes(u.id)),
  ).length;
  const n = now.recipients.length;
  const bounceOf = (id: string) => users.find((u) => u.id === id)?.bounce;

  return (
    <section
      aria-labelledby="resolved-title"
      className="rounded-lg border border-slate-200 bg-white shadow-sm"
      data-testid="resolved-recipients"
    >
      <header className="border-b border-slate-100 px-5 py-4">
        <p className="text-xs font-semibold uppercase tracking-wide text-slate-600">
          {dirty ? "Preview · not saved yet" : "In effect now"}
        </p>
        <h3 id="resolved-title" className="mt-1 text-base font-semibold text-slate-900" aria-live="polite">
          {recipientsHeadline(n)}
        </h3>
      </header>
      <div className="space-y-4 px-5 py-4">
        {now.noRecipients ? (
          <div role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2.5 text-sm text-amber-900">
            <p className="font-semibold">Nobody resolves from these settings.</p>
            <p className="mt-1">
              Reports go to the escalation address <strong className="[overflow-wrap:anywhere]">{bcc}</strong> instead and are flagged “no
              recipients” in the delivery log. Check a role or add a person.
            </p>
          </div>
        ) : (
          <ul aria-label="Resolved recipients" className="space-y-3">
            {now.recipients.map((p) => (
              <li key={p.id}>
                <PersonLabel person={p}>
                  {!beforeKeys.has(key(p)) && <Badge tone="success">New</Badge>}
                  {bounceOf(p.id) && (
                    <span title={`A report email to ${p.email} bounced: ${bounceOf(p.id)!.description || bounceOf(p.id)!.at}`}>
                      <Badge tone="danger">Bounced {bounceOf(p.id)!.label}</Badge>
                    </span>
                  )}
                </PersonLabel>
                <p className="ml-11 mt-1 text-xs text-slate-600">
                  {[p.viaRole && `Role: ${ROLE_LABELS[p.role]}`, p.viaAdditional && "Additional recipient"].filter(Boolean).join(" · ")}
                </p>
              </li>
            ))}
          </ul>
        )}

        {dirty && (added.length > 0 || removed.length > 0) && (
          <div className="rounded-md bg-slate-50 px-3 py-2.5 text-xs text-slate-700 ring-1 ring-inset ring-slate-200">
            <p>
              Saved settings reach {peopleCount(before.recipients.length)}.
              {added.length > 0 && ` Saving adds ${added.map((p) => p.name).join(", ")}.`}
              {removed.length > 0 && ` Saving removes ${removed.map((p) => p.name).join(", ")}.`}
            </p>
          </div>
        )}

        <dl className="space-y-2 border-t border-slate-100 pt-3 text-xs text-slate-600">
          {!now.noRecipients && (
            <div>
              <dt className="font-medium text-slate-800">Escalation BCC</dt>
              <dd>
                {bccLooksValid ? (
                  <>
                    Every report is also sent as BCC to <span className="[overflow-wrap:anywhere]">{bcc}</span>.
                  </>
                ) : (
                  "Enter a valid escalation address to see where the BCC goes."
                )}
              </dd>
            </div>
          )}
          {excluded > 0 && (
            <div>
              <dt className="font-medium text-slate-800">Deactivated users</dt>
              <dd>
                {excluded === 1
                  ? "1 deactivated user matches these settings and never receives reports."
                  : `${excluded} deactivated users match these settings and never receive reports.`}
              </dd>
            </div>
          )}
        </dl>
      </div>
    </section>
  );
}
