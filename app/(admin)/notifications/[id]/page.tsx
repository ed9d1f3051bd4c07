import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { PROVIDER_NAMES } from "@/lib/integrations/providers";
import { reportedFailures } from "@/lib/notifications/record-coverage";
import { getCompanyNotification } from "@/db/queries/notification-log";
import { findMessageNotification, listMessageDetails } from "@/db/queries/message-detail";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { KIND_LABELS } from "../_components/labels";
import { LocalTime } from "../_components/local-time";
import { MessageCard } from "./message-card";

export const metadata: Metadata = { title: "Notification" };
export const dynamic = "force-dynamic";

export default async function NotificationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requirePage("notifications:view", `/notifications/${encodeURIComponent(id)}`);
  if (id.startsWith("msg_")) {
    // a message id (from a log row or an email footer): show it within its notification
    const notificationId = await findMessageNotification({ companyId: viewer.companyId, messageId: id });
    if (!notificationId) notFound();
    redirect(`/notifications/${notificationId}#message-${id}`);
  }
  const n = await getCompanyNotification({ companyId: viewer.companyId, id });
  if (!n) notFound();
  const timeZone = viewer.company.timeZone;
  const parts = await listMessageDetails({ companyId: viewer.companyId, notificationId: n.id });
  const crm = n.provider ? PROVIDER_NAMES[n.provider] : null;
  const canRetry = can(viewer.role, "messages:retry");
  const recipients = parts.reduce((sum, p) => sum + p.message.to.length, 0);
  const openDigest = n.digestStatus === "open";
  const reported = reportedFailures(n.kind, n.props) ?? 0;

  return (
    <div className="space-y-6">
      <PageHeader
        title={`${KIND_LABELS[n.kind]}${crm ? ` · ${crm}` : ""}`}
        description={parts[0]?.body?.subject ?? parts[0]?.message.subject ?? undefined}
        actions={
          <Link href="/notifications" className="text-sm font-medium text-brand-700 hover:underline">
            ← Delivery log
          </Link>
        }
      />
      {n.preview && (
        <Alert tone="info" title="Preview from the email gallery">
          Sample data, sent only to the person who asked for it. Nothing happened to {crm ?? "any integration"}, and no integration&apos;s
          history lists it.
        </Alert>
      )}
      {openDigest && n.windowClosesAt && (
        <Alert tone="info" title="Collecting mapping errors">
          This digest gathers {crm} mapping errors until <LocalTime at={n.windowClosesAt} timeZone={timeZone} />, then goes out as one
          email. So far: {n.mergedEvents} {n.mergedEvents === 1 ? "error report" : "error reports"}, {n.recordCount}{" "}
          {n.recordCount === 1 ? "record" : "records"}.
        </Alert>
      )}
      <Card>
        <CardBody>
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_minmax(0,1fr)]">
            <dt className="font-medium text-slate-600">{n.windowClosesAt ? "Window opened" : "Planned"}</dt>
            <dd>
              <LocalTime at={n.createdAt} timeZone={timeZone} seconds />
            </dd>
            {n.windowClosesAt && (
              <>
                <dt className="font-medium text-slate-600">{openDigest ? "Window closes" : "Window closed"}</dt>
                <dd>
                  <LocalTime at={n.windowClosesAt} timeZone={timeZone} seconds /> · {n.mergedEvents} error{" "}
                  {n.mergedEvents === 1 ? "report" : "reports"} merged
                </dd>
              </>
            )}
            {n.eventId && (
              <>
                <dt className="font-medium text-slate-600">{n.mergedEvents > 1 ? "First event" : "Caused by"}</dt>
                <dd>
                  event <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{n.eventType}</code>{" "}
                  <code className="break-all text-xs text-slate-700">{n.eventId}</code>
                  {n.occurredAt && (
                    <span className="text-slate-700">
                      , occurred <LocalTime at={n.occurredAt} timeZone={timeZone} />
                    </span>
                  )}
                </dd>
              </>
            )}
            <dt className="font-medium text-slate-600">Recipients</dt>
            <dd>
              {n.noRecipients ? (
                <Badge tone="warning">No recipients resolved — sent to the escalation address</Badge>
              ) : parts.length === 0 ? (
                <span className="text-slate-600">resolved when the window closes</span>
              ) : (
                `${recipients} in ${parts.length} ${parts.length === 1 ? "message" : "messages"}`
              )}
            </dd>
            {n.recordCount > 0 && (
              <>
                <dt className="font-medium text-slate-600">Affected records</dt>
                <dd>
                  <Link href={`/notifications/${n.id}/records`} className="font-medium text-brand-700 hover:underline">
                    {n.recordCount} {n.recordCount === 1 ? "record" : "records"}
                  </Link>
                  {reported > n.recordCount && <span className="text-slate-700"> with details, of {reported} reported</span>}
                </dd>
              </>
            )}
          </dl>
        </CardBody>
      </Card>

      {parts.map((detail) => (
        <MessageCard
          key={detail.message.id}
          detail={detail}
          companyId={viewer.companyId}
          of={parts.length}
          timeZone={timeZone}
          canRetry={canRetry}
        />
      ))}
    </div>
  );
}
