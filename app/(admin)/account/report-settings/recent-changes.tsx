import type { AuditRow } from "@/db/schema";
import { formatLocalDateTime } from "@/lib/format/date-time";
import { changesFromAudit } from "@/lib/report-settings/changes";

/* Labels read "Name <email>"; shown as the name with the address beside it. */
function Actor({ label }: { label: string }) {
  const match = /^(.*\S)\s*<([^<>]+)>$/.exec(label);
  if (!match) return <span className="font-semibold text-slate-900">{label}</span>;
  return (
    <>
      <span className="font-semibold text-slate-900">{match[1]}</span> <span className="text-slate-600">({match[2]})</span>
    </>
  );
}

/* "Recent changes" from the audit log: who, when (company time zone), and each field before → after. */
export function RecentChanges({ rows, timeZone, defaultBcc }: { rows: AuditRow[]; timeZone: string; defaultBcc: string }) {
  return (
    <section aria-labelledby="recent-changes-title" className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <header className="border-b border-slate-100 px-5 py-4 sm:px-6">
        <h2 id="recent-changes-title" className="text-base font-semibold text-slate-900">
          Recent changes
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Every save is recorded with who made it. Times are in the company time zone ({timeZone}).
        </p>
      </header>
      {rows.length === 0 ? (
        <p className="px-5 py-6 text-sm text-slate-600 sm:px-6">
          No changes yet. When someone saves these settings, the change appears here.
        </p>
      ) : (
        <ol aria-label="Recent changes" className="divide-y divide-slate-100">
          {rows.map((row) => {
            const changes = changesFromAudit(row.before, row.after, defaultBcc);
            return (
              <li key={row.id} className="px-5 py-4 sm:px-6">
                <p className="text-sm text-slate-800">
                  <Actor label={row.actorLabel} /> <span className="text-slate-600">changed the settings ·</span>{" "}
                  <time dateTime={row.createdAt.toISOString()} className="text-slate-600">
                    {formatLocalDateTime(row.createdAt, timeZone)}
                  </time>
                </p>
                {changes === null ? (
                  <p className="mt-2 text-sm text-slate-600">Settings were updated.</p>
                ) : (
                  <dl className="mt-2 grid gap-x-4 gap-y-1.5 text-sm sm:grid-cols-[11rem_minmax(0,1fr)]">
                    {changes.map((c) => (
                      <div key={c.field} className="contents">
                        <dt className="font-medium text-slate-700">{c.label}</dt>
                        <dd className="min-w-0 break-words text-slate-800">
                          <span className="text-slate-600 line-through decoration-slate-400">{c.before}</span>
                          <span aria-hidden className="mx-1.5 text-slate-500">
                            →
                          </span>
                          <span className="sr-only"> changed to </span>
                          <span className="font-medium text-slate-900">{c.after}</span>
                        </dd>
                      </div>
                    ))}
                  </dl>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
