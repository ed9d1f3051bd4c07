import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import { activeTransport } from "@/lib/notifications/transport";
import { PROVIDER_NAMES } from "@/lib/integrations/providers";
import { decodeCursor, listCompanyMessages } from "@/db/queries/messages";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { KIND_LABELS } from "../_components/labels";
import { PreviewBadge } from "../_components/preview-badge";
import { StatusBadge } from "../_components/status-badge";
import { LocalTime } from "../_components/local-time";
import { RecipientList } from "../_components/recipient-list";
import { Pager } from "../_components/pager";
import { TableHead } from "@/components/ui/table-head";

export const metadata: Metadata = { title: "Mailbox" };
export const dynamic = "force-dynamic";

const PATH = "/notifications/mailbox";

export default async function MailboxPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const viewer = await requirePage("notifications:view", PATH);
  const { before } = await searchParams;
  const cursor = decodeCursor(before);
  const { items, next } = await listCompanyMessages({ companyId: viewer.companyId, before: cursor });
  const timeZone = viewer.company.timeZone;
  const transport = activeTransport();

  return (
    <div>
      <PageHeader
        title="Mailbox"
        description={
          transport === "mailbox"
            ? "Every email Switchboard sends, exactly as sent. This deployment has no email provider configured, so emails are delivered here instead of to inboxes."
            : "Every email Switchboard sends, exactly as it was handed to the email provider (Resend)."
        }
        actions={
          <Link href="/notifications" className="text-sm font-medium text-brand-700 hover:underline">
            ← Notifications
          </Link>
        }
      />
      <Card>
        {items.length === 0 ? (
          <p className="px-5 py-10 text-center text-sm text-slate-600">
            {cursor ? "No older messages." : "No emails yet. Integration events, status changes and test emails appear here once sent."}
          </p>
        ) : (
          <ScrollRegion label="Stored messages">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Stored messages, newest first. Times in {timeZone}.</caption>
              <TableHead columns={["Time", "To", "Subject", "Type", "CRM", "Status"]} />
              <tbody className="divide-y divide-slate-100">
                {items.map((m) => (
                  <tr key={m.id} className="align-top hover:bg-slate-50">
                    <td className="px-5 py-3 text-slate-700">
                      <LocalTime at={m.sentAt ?? m.plannedAt} timeZone={timeZone} />
                    </td>
                    <td className="max-w-56 px-3 py-3 text-slate-800">
                      <RecipientList to={m.to} />
                      {m.noRecipients && (
                        <span className="mt-1 block">
                          <Badge tone="warning">No recipients</Badge>
                        </span>
                      )}
                    </td>
                    <td className="px-3 py-3">
                      <Link href={`${PATH}/${m.id}`} className="font-medium text-brand-700 hover:underline">
                        {m.subject ?? "(rendering…)"}
                      </Link>
                      {m.preview && (
                        <span className="mt-1 block">
                          <PreviewBadge />
                        </span>
                      )}
                    </td>
                    <td className="px-3 py-3 text-slate-700">{KIND_LABELS[m.kind]}</td>
                    <td className="px-3 py-3 text-slate-700">{m.provider ? PROVIDER_NAMES[m.provider] : "—"}</td>
                    <td className="px-5 py-3">
                      <StatusBadge status={m.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        <Pager basePath={PATH} next={next} isFirst={!cursor} />
      </Card>
      <p className="mt-3 text-xs text-slate-600">Times are in the company time zone ({timeZone}).</p>
    </div>
  );
}
