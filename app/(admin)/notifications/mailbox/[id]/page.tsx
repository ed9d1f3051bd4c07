import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { PROVIDER_NAMES } from "@/lib/integrations/providers";
import { getCompanyMessage } from "@/db/queries/messages";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DetailList, DetailRow } from "@/components/ui/detail-list";
import { PageHeader } from "@/components/ui/page-header";
import { KIND_LABELS } from "../../_components/labels";
import { LocalTime } from "../../_components/local-time";
import { EmailFrame } from "../../_components/email-frame";
import { PreviewBadge } from "../../_components/preview-badge";
import { StatusBadge } from "../../_components/status-badge";

export const metadata: Metadata = { title: "Message" };
export const dynamic = "force-dynamic";

export default async function MailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requirePage("notifications:view", `/notifications/mailbox/${encodeURIComponent(id)}`);
  const found = await getCompanyMessage({ companyId: viewer.companyId, id });
  if (!found) notFound();
  const { message: m, body } = found;
  const timeZone = viewer.company.timeZone;

  return (
    <div className="space-y-6">
      <PageHeader
        title={body?.subject ?? "Message not rendered yet"}
        description={`${KIND_LABELS[m.kind]}${m.provider ? ` · ${PROVIDER_NAMES[m.provider]}` : ""}${m.part > 1 ? ` · part ${m.part}` : ""}`}
        actions={
          <div className="flex gap-4 text-sm">
            <Link href="/notifications/mailbox" className="font-medium text-brand-700 hover:underline">
              ← Mailbox
            </Link>
            <Link href={`/notifications/${m.notificationId}`} className="font-medium text-brand-700 hover:underline">
              Delivery details
            </Link>
          </div>
        }
      />

      <Card>
        <CardHeader title="Headers" description="Exactly as stored with the message and sent on every attempt." />
        <CardBody>
          <DetailList>
            <DetailRow label="From">{body?.from ?? "—"}</DetailRow>
            <DetailRow label="To">
              <span className="break-all">{m.to.join(", ")}</span>
              {m.noRecipients && (
                <span className="ml-2">
                  <Badge tone="warning">No recipients resolved — sent to the escalation address</Badge>
                </span>
              )}
            </DetailRow>
            <DetailRow label="BCC">{m.bcc ?? <span className="text-slate-600">none</span>}</DetailRow>
            <DetailRow label="Subject">
              {body?.subject ?? "—"}
              {m.preview && (
                <span className="ml-2">
                  <PreviewBadge />
                </span>
              )}
            </DetailRow>
            <DetailRow label="Idempotency key">
              <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{m.idempotencyKey}</code>
            </DetailRow>
            <DetailRow label="Status">
              <span className="inline-flex flex-wrap items-center gap-2">
                <StatusBadge status={m.status} />
                <span className="text-slate-700">
                  {m.attempts} {m.attempts === 1 ? "attempt" : "attempts"}
                  {m.transport && ` · via ${m.transport === "mailbox" ? "local mailbox" : "Resend"}`}
                  {m.providerMessageId && m.transport === "resend" && ` · id ${m.providerMessageId}`}
                </span>
              </span>
            </DetailRow>
            {m.lastError && (
              <DetailRow label="Last error">
                <span className="text-red-800">{m.lastError}</span>
              </DetailRow>
            )}
            <DetailRow label="Planned">
              <LocalTime at={m.plannedAt} timeZone={timeZone} seconds />
            </DetailRow>
            <DetailRow label="Sent">{m.sentAt ? <LocalTime at={m.sentAt} timeZone={timeZone} seconds /> : "not yet"}</DetailRow>
          </DetailList>
        </CardBody>
      </Card>

      {body ? (
        <>
          <Card>
            <CardHeader
              title="HTML version"
              description="Rendered in a sandbox: no scripts, no forms, nothing from the email can act on this page. Links open in a new tab."
            />
            <CardBody>
              <EmailFrame
                title="HTML version of the email"
                html={body.html}
                className="h-[48rem] w-full rounded-md border border-slate-200 bg-white"
              />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Text version" />
            <CardBody>
              <pre
                tabIndex={0}
                aria-label="Text version of the email"
                className="max-h-[40rem] overflow-auto whitespace-pre-wrap break-words rounded-md bg-slate-50 p-4 font-mono text-xs text-slate-800"
              >
                {body.text}
              </pre>
            </CardBody>
          </Card>
        </>
      ) : (
        <Alert tone="info" title="Not rendered yet">
          The worker renders a message once, just before its first attempt. This page shows it as soon as that happens.
        </Alert>
      )}
    </div>
  );
}
