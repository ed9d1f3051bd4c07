import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { PROVIDER_NAMES } from "@/lib/integrations/providers";
import { coverageOf, partialDetailSentence, recordNouns, reportedFailures } from "@/lib/notifications/record-coverage";
import { countRecordsByCode, getCompanyNotification, listRecords } from "@/db/queries/notification-log";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { KIND_LABELS } from "../../_components/labels";
import { LocalTime } from "../../_components/local-time";
import { TableHead } from "@/components/ui/table-head";

export const metadata: Metadata = { title: "Affected records" };
export const dynamic = "force-dynamic";

const PAGE_SIZE = 100;

export default async function RecordsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ code?: string; page?: string }>;
}) {
  const { id } = await params;
  const path = `/notifications/${encodeURIComponent(id)}/records`;
  const viewer = await requirePage("notifications:view", path);
  const n = await getCompanyNotification({ companyId: viewer.companyId, id });
  if (!n) notFound();
  const query = await searchParams;
  const codes = await countRecordsByCode({ companyId: viewer.companyId, notificationId: n.id });
  const code = codes.some((c) => c.code === query.code) ? query.code! : null;
  const total = code ? codes.find((c) => c.code === code)!.count : codes.reduce((sum, c) => sum + c.count, 0);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(Math.max(1, Number.parseInt(query.page ?? "1", 10) || 1), pages);
  const rows = await listRecords({
    companyId: viewer.companyId,
    notificationId: n.id,
    code,
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  });
  const crm = n.provider ? PROVIDER_NAMES[n.provider] : "";
  const href = (p: number) => `${path}?${new URLSearchParams({ ...(code ? { code } : {}), page: String(p) })}`;
  const csvHref = `${path}/csv${code ? `?${new URLSearchParams({ code })}` : ""}`;
  // A worker may report more failures than it details: say so in the email's words rather than imply the list is complete.
  const stored = codes.reduce((sum, c) => sum + c.count, 0);
  const coverage = coverageOf(reportedFailures(n.kind, n.props) ?? stored, stored, stored);
  const partialNote = partialDetailSentence(coverage, crm || "The CRM", recordNouns(n.kind, n.props), "page");

  return (
    <div>
      <PageHeader
        title="Affected records"
        description={
          <>
            {KIND_LABELS[n.kind]}
            {crm && ` · ${crm}`} · planned <LocalTime at={n.createdAt} timeZone={viewer.company.timeZone} />
          </>
        }
        actions={
          <Link href={`/notifications/${n.id}`} className="text-sm font-medium text-brand-700 hover:underline">
            ← Notification
          </Link>
        }
      />
      {partialNote && <p className="mb-4 text-sm text-slate-700">{partialNote}</p>}
      <Card>
        <div className="flex flex-wrap items-end justify-between gap-4 border-b border-slate-200 px-5 py-4">
          <form method="get" action={path} className="flex flex-wrap items-end gap-2">
            <div className="space-y-1.5">
              <label htmlFor="code" className="block text-sm font-medium text-slate-800">
                Error code
              </label>
              <select
                id="code"
                name="code"
                defaultValue={code ?? ""}
                className="block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm"
              >
                <option value="">All codes ({stored})</option>
                {codes.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.code} ({c.count})
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className={buttonClass("secondary")}>
              Filter
            </button>
            <p className="self-end pb-2 text-sm text-slate-700">
              {total} {total === 1 ? "record" : "records"}
              {code ? ` with ${code}` : ""}
            </p>
          </form>
          <a href={csvHref} className={buttonClass("secondary")} download>
            Download CSV{code ? ` (${code})` : ""} · {total} {total === 1 ? "row" : "rows"}
          </a>
        </div>
        {rows.length === 0 ? (
          <p className="px-5 py-10 text-center text-sm text-slate-600">This notification lists no affected records.</p>
        ) : (
          <ScrollRegion label="Affected records">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">
                Records {(page - 1) * PAGE_SIZE + 1}–{(page - 1) * PAGE_SIZE + rows.length} of {total}
              </caption>
              <TableHead columns={["Record", "Field → CRM property", "Code", "Message"]} />
              <tbody className="divide-y divide-slate-100">
                {rows.map((r) => (
                  <tr key={r.id} className="align-top">
                    <td className="px-5 py-2.5">
                      <span className="block font-medium text-slate-900">{r.recordName ?? r.recordId ?? "—"}</span>
                      <span className="block text-xs text-slate-600">
                        {[r.recordId && r.recordName ? r.recordId : null, r.recordEmail].filter(Boolean).join(" · ")}
                      </span>
                    </td>
                    <td className="px-3 py-2.5 text-slate-700">
                      {r.field || r.crmProperty ? `${r.field ?? "—"} → ${r.crmProperty ?? "—"}` : "—"}
                    </td>
                    <td className="px-3 py-2.5">
                      <code className="text-xs">{r.code}</code>
                    </td>
                    <td className="max-w-md px-5 py-2.5 break-words text-slate-800">{r.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        {pages > 1 && (
          <nav aria-label="Pagination" className="flex items-center justify-between border-t border-slate-200 px-5 py-3 text-sm">
            {page > 1 ? (
              <Link href={href(page - 1)} className="font-medium text-brand-700 hover:underline">
                ← Previous
              </Link>
            ) : (
              <span />
            )}
            <span className="text-slate-700">
              Page {page} of {pages} · {total} records
            </span>
            {page < pages ? (
              <Link href={href(page + 1)} className="font-medium text-brand-700 hover:underline">
                Next →
              </Link>
            ) : (
              <span />
            )}
          </nav>
        )}
      </Card>
      {n.kind === "mapping_errors" && n.provider && (
        <p className="mt-3 text-sm text-slate-700">
          Fix the mapping in{" "}
          <Link href={`/integrations/${n.provider}/settings/mapping`} className="font-medium text-brand-700 hover:underline">
            {crm} › Contact Property Mapping
          </Link>
          .
        </p>
      )}
    </div>
  );
}
