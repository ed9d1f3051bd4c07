import Link from "next/link";
import type { EventType } from "@/lib/integrations/ingest/event-types";
import type { TimelineItem, TimelineNotification } from "@/db/queries/integration-timeline";
import { formatShortDateTime } from "@/lib/format/date-time";
import { KIND_LABELS } from "@/lib/notifications/kinds";
import { STATUS_TONES, summarizeStatuses, worstStatus } from "@/lib/notifications/log-labels";
import { Badge } from "@/components/ui/badge";
import { noEmailText } from "@/lib/integrations/ingest/no-email";

/*
 * An integration's recent history on its card: what the CRM's workers
 * reported, what Switchboard emailed about it and whether that email got
 * through, each linked to its delivery details. Times in the company's zone.
 */

const EVENT_TITLES: Record<EventType, string> = {
  "integration.reauth_required": "Re-authentication required",
  "integration.auth_restored": "Access restored",
  "integration.enabled": "Enabled by the CRM",
  "integration.disabled": "Disabled by the CRM",
  "contacts.mapping_failed": "Contact mapping errors",
  "sync.completed": "Sync completed",
};

function EmailStatus({ n, timeZone }: { n: TimelineNotification; timeZone: string }) {
  const worst = worstStatus(n.statuses);
  const text = n.collectingUntil
    ? `Digest until ${formatShortDateTime(n.collectingUntil, timeZone)}`
    : n.statuses.length > 0
      ? summarizeStatuses(n.statuses)
      : "Not planned";
  return (
    <Link href={`/notifications/${n.id}`} className="inline-flex rounded-full focus-visible:outline-2 focus-visible:outline-brand-600">
      <span className="sr-only">{KIND_LABELS[n.kind]} email: </span>
      <Badge tone={n.collectingUntil ? "info" : worst ? STATUS_TONES[worst] : "neutral"}>{text}</Badge>
    </Link>
  );
}

/* Why nothing was emailed, as ingestion recorded it when the event arrived (events.no_email_reason). */
function NoEmail({ reason }: { reason: string | null }) {
  return <span className="text-right text-xs text-slate-600">No email{reason && <span className="block">{reason}</span>}</span>;
}

export function IntegrationTimeline({
  items,
  crm,
  provider,
  timeZone,
}: {
  items: TimelineItem[];
  crm: string;
  provider: string;
  timeZone: string;
}) {
  if (items.length === 0) return null;
  const headingId = `timeline-${provider}`;
  return (
    <section aria-labelledby={headingId} className="border-t border-slate-100 pt-3">
      <div className="flex items-baseline justify-between gap-2">
        <h3 id={headingId} className="text-xs font-medium uppercase tracking-wide text-slate-600">
          Events and emails
        </h3>
        <Link href={`/notifications?provider=${provider}`} className="text-xs font-medium text-brand-700 hover:underline">
          All {crm} emails
        </Link>
      </div>
      <ol className="mt-2 space-y-2">
        {items.map((item) => {
          const title = item.type === "event" ? EVENT_TITLES[item.eventType] : KIND_LABELS[item.notification.kind];
          const emails = item.type === "event" ? item.notifications : [item.notification];
          return (
            <li key={`${item.type}-${item.id}`} className="flex items-start justify-between gap-3">
              <div className="min-w-0">
                <p className="truncate text-sm text-slate-900">{title}</p>
                <p className="text-xs text-slate-600">
                  <time dateTime={item.at.toISOString()}>{formatShortDateTime(item.at, timeZone)}</time>
                </p>
              </div>
              <div className="flex shrink-0 flex-col items-end gap-1">
                {emails.length === 0 ? (
                  <NoEmail reason={item.type === "event" ? noEmailText(item.noEmailReason) : null} />
                ) : (
                  emails.map((n) => <EmailStatus key={n.id} n={n} timeZone={timeZone} />)
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
