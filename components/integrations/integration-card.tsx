import Link from "next/link";
import type { ReactNode } from "react";
import type { IntegrationCard as CardData } from "@/db/queries/integrations";
import { buttonClass } from "@/components/ui/button";
import { adminOptions } from "@/lib/integrations/admin-options";
import { PROVIDER_NAMES, type DisableReason, type ReauthReason } from "@/lib/notifications/email-props";
import { formatDateTime, formatRelative } from "@/lib/notifications/format-time";
import { DISABLE_REASON_TITLES, REAUTH_REASON_TITLES } from "@/lib/notifications/reason-text";
import { ProviderMark } from "./provider-mark";
import { StatusBadge } from "./status-badge";
import { StatusActions } from "./status-action";

/* One CRM on /integrations: its status told plainly, its latest event, and what an admin can do. */

const EVENT_LABELS: Record<string, string> = {
  "integration.reauth_required": "Re-authentication required",
  "integration.auth_restored": "Access restored",
  "integration.enabled": "Integration enabled",
  "integration.disabled": "Integration disabled",
  "contacts.mapping_failed": "Contact mapping errors",
  "sync.completed": "Sync completed",
};

function When({ at, timeZone, now }: { at: Date; timeZone: string; now: Date }) {
  const iso = at.toISOString();
  return (
    <>
      <time dateTime={iso}>{formatDateTime(iso, timeZone)}</time>
      <span className="text-slate-600"> · {formatRelative(iso, now.toISOString())}</span>
    </>
  );
}

function StatusDetail({ card, crm, timeZone, now }: { card: CardData; crm: string; timeZone: string; now: Date }) {
  switch (card.status) {
    case "connected":
      return <p>Contacts and call activity sync with {crm}.</p>;
    case "disconnected":
      return <p>Not connected: nothing syncs, and Switchboard accepts no events for {crm} until a company admin connects it.</p>;
    case "needs_reauth": {
      const reason = REAUTH_REASON_TITLES[card.statusReason as ReauthReason] ?? "The CRM refused Switchboard's credentials";
      return (
        <div className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-950">
          <p className="font-medium">{reason}. A company admin must reconnect {crm}.</p>
          {card.reauthDeadlineAt && (
            <p className="mt-1">
              Reconnect by <When at={card.reauthDeadlineAt} timeZone={timeZone} now={now} />, or the integration is disabled.
            </p>
          )}
        </div>
      );
    }
    case "disabled": {
      const byAdmin = card.disabledBy === "admin";
      const reason = DISABLE_REASON_TITLES[card.statusReason as DisableReason] ?? "Disabled";
      return (
        <div className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-950">
          <p className="font-medium">
            {reason}
            {card.statusChangedAt && (
              <>
                {" "}
                on <When at={card.statusChangedAt} timeZone={timeZone} now={now} />
              </>
            )}
            .
          </p>
          <p className="mt-1">
            {byAdmin
              ? "Nothing syncs until a company admin enables it again; the connection is kept."
              : `Reconnect ${crm} to turn it back on: the connection no longer works.`}
          </p>
        </div>
      );
    }
  }
}

export function IntegrationCard({
  card,
  timeZone,
  now,
  canChange,
  highlighted,
  oauth,
  timeline,
}: {
  card: CardData;
  timeZone: string;
  now: Date;
  canChange: boolean;
  highlighted: boolean;
  oauth?: ReactNode; // Connect / Reconnect / Re-authorize (components/integrations/oauth-connect.tsx)
  timeline?: ReactNode; // recent events and emails (components/integrations/timeline.tsx)
}) {
  const crm = PROVIDER_NAMES[card.provider];
  const options = adminOptions(card);
  const headingId = `integration-${card.provider}`;
  return (
    <section
      aria-labelledby={headingId}
      className={`flex flex-col rounded-lg border bg-white shadow-sm ${highlighted ? "border-brand-600 ring-2 ring-brand-600/30" : "border-slate-200"}`}
    >
      <div className="flex items-start gap-3 border-b border-slate-200 px-5 py-4">
        <ProviderMark provider={card.provider} />
        <div className="min-w-0 flex-1">
          <h2 id={headingId} className="text-base font-semibold text-slate-900">
            {crm}
          </h2>
          <div className="mt-1">
            <StatusBadge status={card.status} />
          </div>
        </div>
      </div>
      <div className="flex-1 space-y-4 px-5 py-4 text-sm text-slate-800">
        <StatusDetail card={card} crm={crm} timeZone={timeZone} now={now} />
        <dl className="space-y-2">
          <div>
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">Last event received</dt>
            <dd className="mt-0.5">
              {card.lastEventAt ? <When at={card.lastEventAt} timeZone={timeZone} now={now} /> : <span className="text-slate-600">No events yet</span>}
            </dd>
          </div>
          {card.lastEventType && (
            <div>
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">Recent activity</dt>
              <dd className="mt-0.5">{EVENT_LABELS[card.lastEventType] ?? card.lastEventType}</dd>
            </div>
          )}
          {card.externalAccountId && card.status !== "disconnected" && (
            <div>
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{crm} account</dt>
              <dd className="mt-0.5 font-mono text-xs">{card.externalAccountId}</dd>
            </div>
          )}
        </dl>
        {timeline}
      </div>
      <div className="flex flex-wrap items-center gap-2 border-t border-slate-200 bg-slate-50 px-5 py-3">
        <Link
          href={`/integrations/${card.provider}/settings/sync`}
          className={buttonClass("secondary")}
          aria-label={`${canChange ? "Settings" : "View settings"} for ${crm}`}
        >
          {canChange ? "Settings" : "View settings"}
        </Link>
        {canChange && (
          <StatusActions provider={card.provider} crm={crm} offer={options.disable ? "disable" : options.enable ? "enable" : null} />
        )}
        {options.reconnectNeeded && !oauth && <span className="text-xs font-medium text-slate-700">Reconnect needed</span>}
        {oauth}
      </div>
    </section>
  );
}
