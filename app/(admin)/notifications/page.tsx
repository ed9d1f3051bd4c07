import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import { PROVIDER_NAMES } from "@/lib/notifications/email-props";
import { decodeCursor } from "@/db/queries/messages";
import { listCompanyNotifications, type NotificationListItem } from "@/db/queries/notification-log";
import type { MessageStatus } from "@/db/schema";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { KIND_LABELS, STATUS_LABELS } from "./_components/labels";
import { LocalTime } from "./_components/local-time";
import { Pager } from "./_components/pager";
import { StatusBadge } from "./_components/status-badge";

export const metadata: Metadata = { title: "Notifications" };
export const dynamic = "force-dynamic";

const PATH = "/notifications";

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const viewer = await requirePage("notifications:view", PATH);
  const cursor = decodeCursor((await searchParams).before);
  const { items, next } = listCompanyNotifications({ companyId: viewer.companyId, before: cursor });
  const timeZone = viewer.company.timeZone;

  return (
    <div>
      <PageHeader
        title="Notifications"
        description="Every notification Switchboard planned for your company, newest first: what it was about, who it went to and whether it was delivered."
        actions={
          <div className="flex gap-4">
            <Link href="/notifications/emails" className="text-sm font-medium text-brand-700 hover:underline">
              Email gallery
            </Link>
            <Link href="/notifications/mailbox" className="text-sm font-medium text-brand-700 hover:underline">
              Open the Mailbox →
            </Link>
          </div>
        }
      />
      <Card>
        {items.length === 0 ? (
          <p className="px-5 py-10 text-center text-sm text-slate-600">
            {cursor ? "No older notifications." : "No notifications yet. They appear here when an integration reports a problem or a result, or when someone sends a test email."}
          </p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Notifications, newest first. Times in {timeZone}.</caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
                <tr>
                  <th scope="col" className="px-5 py-2.5 font-medium">Time</th>
                  <th scope="col" className="px-3 py-2.5 font-medium">Notification</th>
                  <th scope="col" className="px-3 py-2.5 font-medium">CRM</th>
                  <th scope="col" className="px-3 py-2.5 font-medium">Recipients</th>
                  <th scope="col" className="px-3 py-2.5 font-medium">Delivery</th>
                  <th scope="col" className="px-5 py-2.5 font-medium"><span className="sr-only">Links</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {items.map((n) => (
                  <Row key={n.id} n={n} timeZone={timeZone} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager basePath={PATH} next={next} isFirst={!cursor} />
      </Card>
      <p className="mt-3 text-xs text-slate-600">Times are in the company time zone ({timeZone}).</p>
    </div>
  );
}

function Row({ n, timeZone }: { n: NotificationListItem; timeZone: string }) {
  const first = n.messages[0];
  const recipients = n.messages.reduce((sum, m) => sum + m.recipients, 0);
  return (
    <tr className="align-top hover:bg-slate-50">
      <td className="px-5 py-3 text-slate-700">
        <LocalTime at={n.createdAt} timeZone={timeZone} />
      </td>
      <td className="px-3 py-3">
        <Link href={`/notifications/${n.id}`} className="font-medium text-brand-700 hover:underline">
          {KIND_LABELS[n.kind]}
        </Link>
        {first?.subject && <span className="mt-0.5 block text-xs text-slate-600">{first.subject}</span>}
      </td>
      <td className="px-3 py-3 text-slate-700">{n.provider ? PROVIDER_NAMES[n.provider] : "—"}</td>
      <td className="px-3 py-3 text-slate-700">
        {n.noRecipients ? (
          <Badge tone="warning">No recipients</Badge>
        ) : (
          <>
            {recipients} {recipients === 1 ? "person" : "people"}
            {n.messages.length > 1 && <span className="block text-xs text-slate-600">in {n.messages.length} messages</span>}
          </>
        )}
      </td>
      <td className="px-3 py-3">
        <Delivery statuses={n.messages.map((m) => m.status)} />
      </td>
      <td className="whitespace-nowrap px-5 py-3 text-right">
        {first && (
          <Link href={`/notifications/mailbox/${first.id}`} className="font-medium text-brand-700 hover:underline">
            View email
          </Link>
        )}
        {n.recordCount > 0 && (
          <Link href={`/notifications/${n.id}/records`} className="ml-4 font-medium text-brand-700 hover:underline">
            Records ({n.recordCount})
          </Link>
        )}
      </td>
    </tr>
  );
}

function Delivery({ statuses }: { statuses: MessageStatus[] }) {
  if (statuses.length === 1) return <StatusBadge status={statuses[0]} />;
  const counts = new Map<MessageStatus, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  return (
    <span className="text-slate-700">
      {[...counts].map(([s, c]) => `${c} ${STATUS_LABELS[s].toLowerCase()}`).join(", ")}
    </span>
  );
}
