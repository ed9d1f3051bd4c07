import Link from "next/link";
import type { MessageDetail } from "@/db/queries/message-detail";
import { listDeliveryEvents } from "@/db/queries/message-detail";
import { listMessageAttempts } from "@/db/queries/messages";
import { describeBounce, parseBounceInfo } from "@/lib/notifications/delivery-status";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DetailList, DetailRow } from "@/components/ui/detail-list";
import { EmailFrame } from "../_components/email-frame";
import { LocalTime } from "../_components/local-time";
import { RetryButton } from "../_components/retry-button";
import { StatusBadge } from "../_components/status-badge";
import { AttemptsTable } from "./attempts-table";

/*
 * One message of a notification (docs/product R27): who it went to, every attempt,
 * what the provider said afterwards (delivered, bounced…), and the email
 * exactly as stored and sent on every attempt.
 */

const DELIVERY_EVENTS: Record<string, string> = {
  "email.sent": "Accepted by Resend",
  "email.delivered": "Delivered",
  "email.delivery_delayed": "Delivery delayed",
  "email.bounced": "Bounced",
  "email.complained": "Marked as spam",
  "email.opened": "Opened",
  "email.clicked": "Link clicked",
};

export async function MessageCard({
  detail,
  companyId,
  of,
  timeZone,
  canRetry,
}: {
  detail: MessageDetail;
  companyId: string;
  of: number;
  timeZone: string;
  canRetry: boolean;
}) {
  const { message: m, body } = detail;
  const attempts = await listMessageAttempts({ companyId, messageId: m.id });
  const deliveryEvents = await listDeliveryEvents({ companyId, messageId: m.id });
  const bounce = parseBounceInfo(m.bounceInfo);
  const title = of > 1 ? `Message ${m.part} of ${of}` : "Message";

  return (
    <div id={`message-${m.id}`} className="scroll-mt-6">
      <Card>
        <CardHeader
          title={title}
          description={body?.subject ?? m.subject ?? "Not rendered yet"}
          actions={
            <div className="flex flex-wrap items-center gap-3 text-sm">
              <StatusBadge status={m.status} />
              {canRetry && m.status === "failed" && <RetryButton messageId={m.id} label={`Retry ${title.toLowerCase()}`} />}
            </div>
          }
        />
        <CardBody className="space-y-5">
          {bounce && (
            <Alert tone="error" title={`Bounced ${bounce.addresses.length > 0 ? `for ${bounce.addresses.join(", ")}` : ""}`.trim()}>
              {describeBounce(bounce)} · reported <LocalTime at={new Date(bounce.at)} timeZone={timeZone} seconds />
            </Alert>
          )}
          <DetailList>
            <DetailRow label="To">
              <span className="[overflow-wrap:anywhere]">{m.to.join(", ")}</span>
              {m.noRecipients && (
                <span className="ml-2">
                  <Badge tone="warning">No recipients resolved — sent to the escalation address</Badge>
                </span>
              )}
            </DetailRow>
            <DetailRow label="BCC">{m.bcc ?? <span className="text-slate-600">none</span>}</DetailRow>
            <DetailRow label="From">{body?.from ?? "—"}</DetailRow>
            <DetailRow label="Planned">
              <LocalTime at={m.plannedAt} timeZone={timeZone} seconds />
            </DetailRow>
            <DetailRow label="Sent">{m.sentAt ? <LocalTime at={m.sentAt} timeZone={timeZone} seconds /> : "not yet"}</DetailRow>
            <DetailRow label="Delivery">
              {m.attempts} {m.attempts === 1 ? "attempt" : "attempts"}
              {m.transport && ` · via ${m.transport === "mailbox" ? "local mailbox" : "Resend"}`}
              {m.retryCount > 0 && ` · retried ${m.retryCount}× by hand`}
            </DetailRow>
            <DetailRow label="Provider id">
              {m.providerMessageId ? (
                <code className="break-all text-xs">{m.providerMessageId}</code>
              ) : (
                <span className="text-slate-600">none yet</span>
              )}
            </DetailRow>
            <DetailRow label="Idempotency key">
              <code className="break-all text-xs">{m.idempotencyKey}</code>
            </DetailRow>
            {m.lastError && (
              <DetailRow label="Last error">
                <span className="text-red-800">{m.lastError}</span>
              </DetailRow>
            )}
          </DetailList>

          <section aria-label={`Attempts of ${title.toLowerCase()}`}>
            <h3 className="mb-2 text-sm font-semibold text-slate-900">Attempts</h3>
            <AttemptsTable attempts={attempts} timeZone={timeZone} />
          </section>

          {deliveryEvents.length > 0 && (
            <section aria-label={`Delivery events of ${title.toLowerCase()}`}>
              <h3 className="mb-2 text-sm font-semibold text-slate-900">Reported by the provider</h3>
              <ul className="space-y-1 text-sm">
                {deliveryEvents.map((e) => (
                  <li key={e.id}>
                    <LocalTime at={e.occurredAt ?? e.receivedAt} timeZone={timeZone} seconds /> · {DELIVERY_EVENTS[e.type] ?? e.type}
                  </li>
                ))}
              </ul>
            </section>
          )}

          {body ? (
            <details className="group rounded-md border border-slate-200" open={m.part === 1}>
              <summary className="cursor-pointer px-4 py-2.5 text-sm font-medium text-slate-900">The email as sent</summary>
              <div className="space-y-3 border-t border-slate-200 p-4">
                <h4 className="text-xs font-medium uppercase tracking-wide text-slate-600">HTML, as stored and sent on every attempt</h4>
                <EmailFrame
                  title={`HTML version of ${title.toLowerCase()}`}
                  html={body.html}
                  className="h-[40rem] w-full rounded-md border border-slate-200 bg-white"
                />
                <h4 className="pt-2 text-xs font-medium uppercase tracking-wide text-slate-600">Plain text</h4>
                <pre
                  tabIndex={0}
                  aria-label={`Text version of ${title.toLowerCase()}`}
                  className="max-h-[30rem] overflow-auto whitespace-pre-wrap break-words rounded-md bg-slate-50 p-4 font-mono text-xs text-slate-800"
                >
                  {body.text}
                </pre>
                <Link href={`/notifications/mailbox/${m.id}`} className="text-sm font-medium text-brand-700 hover:underline">
                  Open in the Mailbox
                </Link>
              </div>
            </details>
          ) : (
            <p className="text-sm text-slate-600">
              The worker renders a message once, just before its first attempt; it appears here then.
            </p>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
