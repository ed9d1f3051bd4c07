import Link from "next/link";
import type { DeliveryLogRow } from "@/db/queries/delivery-log";
import { PROVIDER_NAMES } from "@/lib/integrations/providers";
import { Badge } from "@/components/ui/badge";
import { KIND_LABELS } from "./labels";
import { LocalTime } from "./local-time";
import { PreviewBadge } from "./preview-badge";
import { RecipientList } from "./recipient-list";
import { RetryButton } from "./retry-button";
import { StatusBadge } from "./status-badge";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { TableHead } from "@/components/ui/table-head";

/* One row per message (a notification split for > 50 recipients is several), newest first. */
export function LogTable({ rows, timeZone, canRetry }: { rows: DeliveryLogRow[]; timeZone: string; canRetry: boolean }) {
  return (
    <ScrollRegion label="Messages">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Messages, newest first. Times in {timeZone}.</caption>
        <TableHead
          columns={[
            "Planned",
            "Message",
            "CRM",
            "Recipients",
            "Status",
            <span key="actions" className="sr-only">
              Actions
            </span>,
          ]}
        />
        <tbody className="divide-y divide-slate-100">
          {rows.map((m) => (
            <Row key={m.id} m={m} timeZone={timeZone} canRetry={canRetry} />
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function Row({ m, timeZone, canRetry }: { m: DeliveryLogRow; timeZone: string; canRetry: boolean }) {
  const people = m.to.length;
  const label = KIND_LABELS[m.kind];
  return (
    <tr className="align-top hover:bg-slate-50">
      <td className="px-5 py-3 text-slate-700">
        <LocalTime at={m.plannedAt} timeZone={timeZone} />
      </td>
      <td className="max-w-md px-3 py-3">
        <Link href={`/notifications/${m.notificationId}#message-${m.id}`} className="font-medium text-brand-700 hover:underline">
          {label}
          {m.part > 1 ? ` · part ${m.part}` : ""}
        </Link>
        {m.preview && (
          <span className="ml-2">
            <PreviewBadge />
          </span>
        )}
        {m.subject && <span className="mt-0.5 block break-words text-xs text-slate-600">{m.subject}</span>}
      </td>
      <td className="px-3 py-3 text-slate-700">{m.provider ? PROVIDER_NAMES[m.provider] : "—"}</td>
      <td className="px-3 py-3 text-slate-700">
        <RecipientList to={m.to} />
        <span className="mt-0.5 block text-xs text-slate-600">
          {m.noRecipients ? <Badge tone="warning">No recipients</Badge> : `${people} ${people === 1 ? "person" : "people"}`}
          {m.bcc ? " + BCC" : ""}
        </span>
      </td>
      <td className="px-3 py-3">
        <StatusBadge status={m.status} />
        <span className="mt-1 block text-xs text-slate-600">
          {m.attempts} {m.attempts === 1 ? "attempt" : "attempts"}
          {m.retryCount > 0 ? ` · retried ${m.retryCount}×` : ""}
        </span>
        {m.status === "failed" && m.lastError && (
          <span className="mt-1 block max-w-xs break-words text-xs text-red-800" title={m.lastError}>
            {m.lastError.length > 120 ? `${m.lastError.slice(0, 119)}…` : m.lastError}
          </span>
        )}
      </td>
      <td className="whitespace-nowrap px-5 py-3 text-right">
        {canRetry && m.status === "failed" && (
          <RetryButton messageId={m.id} compact label={`Retry ${label.toLowerCase()} to ${m.to[0] ?? "its recipients"}`} />
        )}
      </td>
    </tr>
  );
}
