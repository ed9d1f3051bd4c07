import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { PROVIDER_NAMES } from "@/lib/notifications/email-props";
import { getCompanyNotification } from "@/db/queries/notification-log";
import { listMessageAttempts, listNotificationMessages } from "@/db/queries/messages";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { KIND_LABELS } from "../_components/labels";
import { LocalTime } from "../_components/local-time";
import { StatusBadge } from "../_components/status-badge";

export const metadata: Metadata = { title: "Notification" };
export const dynamic = "force-dynamic";

const OUTCOMES = { sent: "Sent", retry: "Will retry", rate_limited: "Rate limited (not counted)", failed: "Failed" } as const;

export default async function NotificationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requirePage("notifications:view", `/notifications/${encodeURIComponent(id)}`);
  const n = getCompanyNotification({ companyId: viewer.companyId, id });
  if (!n) notFound();
  const timeZone = viewer.company.timeZone;
  const parts = listNotificationMessages({ companyId: viewer.companyId, notificationId: n.id });
  const crm = n.provider ? PROVIDER_NAMES[n.provider] : null;

  return (
    <div className="space-y-6">
      <PageHeader
        title={`${KIND_LABELS[n.kind]}${crm ? ` · ${crm}` : ""}`}
        description={parts[0]?.subject ?? undefined}
        actions={
          <Link href="/notifications" className="text-sm font-medium text-brand-700 hover:underline">
            ← Notifications
          </Link>
        }
      />
      <Card>
        <CardBody>
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_minmax(0,1fr)]">
            <dt className="font-medium text-slate-600">Planned</dt>
            <dd><LocalTime at={n.createdAt} timeZone={timeZone} seconds /></dd>
            {n.eventId && (
              <>
                <dt className="font-medium text-slate-600">Caused by</dt>
                <dd>
                  event <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{n.eventType}</code>{" "}
                  <code className="break-all text-xs text-slate-700">{n.eventId}</code>
                  {n.occurredAt && (
                    <span className="text-slate-700">, occurred <LocalTime at={n.occurredAt} timeZone={timeZone} /></span>
                  )}
                </dd>
              </>
            )}
            <dt className="font-medium text-slate-600">Recipients</dt>
            <dd>
              {n.noRecipients ? (
                <Badge tone="warning">No recipients resolved — sent to the escalation address</Badge>
              ) : (
                `${parts.reduce((sum, p) => sum + p.to.length, 0)} in ${parts.length} ${parts.length === 1 ? "message" : "messages"}`
              )}
            </dd>
            {n.recordCount > 0 && (
              <>
                <dt className="font-medium text-slate-600">Affected records</dt>
                <dd>
                  <Link href={`/notifications/${n.id}/records`} className="font-medium text-brand-700 hover:underline">
                    {n.recordCount} {n.recordCount === 1 ? "record" : "records"}
                  </Link>
                </dd>
              </>
            )}
          </dl>
        </CardBody>
      </Card>

      {parts.map((m) => {
        const attempts = listMessageAttempts({ companyId: viewer.companyId, messageId: m.id });
        return (
          <Card key={m.id}>
            <CardHeader
              title={parts.length > 1 ? `Message ${m.part} of ${parts.length}` : "Message"}
              description={
                <>
                  To {m.to.join(", ")}
                  {m.bcc ? ` · BCC ${m.bcc}` : ""}
                </>
              }
              actions={
                <div className="flex items-center gap-3 text-sm">
                  <StatusBadge status={m.status} />
                  <Link href={`/notifications/mailbox/${m.id}`} className="font-medium text-brand-700 hover:underline">
                    View email as sent
                  </Link>
                </div>
              }
            />
            <CardBody>
              {m.lastError && <p className="mb-3 text-sm text-red-800">Last error: {m.lastError}</p>}
              {attempts.length === 0 ? (
                <p className="text-sm text-slate-600">No attempt yet.</p>
              ) : (
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">Delivery attempts</caption>
                  <thead className="text-xs uppercase tracking-wide text-slate-600">
                    <tr>
                      <th scope="col" className="py-1.5 pr-3 font-medium">Attempt</th>
                      <th scope="col" className="py-1.5 pr-3 font-medium">Outcome</th>
                      <th scope="col" className="py-1.5 pr-3 font-medium">Detail</th>
                      <th scope="col" className="py-1.5 font-medium">Idempotency key</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {attempts.map((a) => (
                      <tr key={a.id}>
                        <td className="py-1.5 pr-3"><LocalTime at={a.at} timeZone={timeZone} seconds /></td>
                        <td className="py-1.5 pr-3">{OUTCOMES[a.outcome]}</td>
                        <td className="py-1.5 pr-3 text-slate-700">
                          {[a.statusCode ? `HTTP ${a.statusCode}` : null, a.error, a.durationMs !== null ? `${a.durationMs} ms` : null]
                            .filter(Boolean)
                            .join(" · ")}
                        </td>
                        <td className="py-1.5"><code className="text-xs">{a.idempotencyKey}</code></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </CardBody>
          </Card>
        );
      })}
    </div>
  );
}
