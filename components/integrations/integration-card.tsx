import Link from "next/link";
import type { ReactNode } from "react";
import type { IntegrationCard as CardData } from "@/db/queries/integrations";
import type { EventType } from "@/lib/integrations/ingest/event-types";
import { buttonClass } from "@/components/ui/button";
import { adminOptions } from "@/lib/integrations/admin-options";
import { PROVIDER_NAMES } from "@/lib/integrations/providers";
import type { AlertResolution } from "@/lib/integrations/alert-resolution";
import { authorizationBroken } from "@/lib/integrations/status";
import { ProviderMark } from "./provider-mark";
import { StatusDetail } from "./status-detail";
import { When } from "./when";
import { StatusBadge } from "./status-badge";
import { StatusActions } from "./status-action";

/* One CRM on /integrations: its status told plainly, its latest event, and what an admin can do. */

const EVENT_LABELS: Record<EventType, string> = {
  "integration.reauth_required": "Re-authentication required",
  "integration.auth_restored": "Access restored",
  "integration.enabled": "Integration enabled",
  "integration.disabled": "Integration disabled",
  "contacts.mapping_failed": "Contact mapping errors",
  "sync.completed": "Sync completed",
};

function RecentActivity({
  card,
  resolution,
  timeZone,
  now,
}: {
  card: CardData;
  resolution?: AlertResolution;
  timeZone: string;
  now: Date;
}) {
  const label = EVENT_LABELS[card.lastEventType as EventType] ?? card.lastEventType;
  if (!resolution) return <>{label}</>;
  const how =
    resolution.how === "reconnect"
      ? `reconnected by ${resolution.by}`
      : resolution.how === "auth_restored"
        ? `the CRM accepted the sign-in again`
        : resolution.by;
  return (
    <>
      {label} · <span className="font-medium text-green-800">resolved</span> <When at={resolution.at} timeZone={timeZone} now={now} /> (
      {how})
    </>
  );
}

export function IntegrationCard({
  card,
  timeZone,
  now,
  canChange,
  highlighted,
  oauth,
  timeline,
  resolution,
}: {
  card: CardData;
  timeZone: string;
  now: Date;
  canChange: boolean;
  highlighted: boolean;
  oauth?: ReactNode; // Connect / Reconnect / Re-authorize (components/integrations/oauth-connect.tsx)
  timeline?: ReactNode; // recent events and emails (components/integrations/timeline.tsx)
  resolution?: AlertResolution; // how the last re-auth alert was resolved, when the latest event is that alert
}) {
  const crm = PROVIDER_NAMES[card.provider];
  const options = adminOptions(card, now);
  const headingId = `integration-${card.provider}`;
  // a subgrid of the page's grid (three rows): headers, bodies and action rows line up across the cards side by side
  return (
    <section
      aria-labelledby={headingId}
      className={`row-span-3 mb-5 grid grid-rows-subgrid rounded-lg border bg-white shadow-sm ${highlighted ? "border-brand-600 ring-2 ring-brand-600/30" : "border-slate-200"}`}
    >
      <div className="flex items-start gap-3 border-b border-slate-200 px-5 py-4">
        <ProviderMark provider={card.provider} />
        <div className="min-w-0 flex-1">
          <h2 id={headingId} className="text-base font-semibold text-slate-900">
            {crm}
          </h2>
          <div className="mt-1">
            <StatusBadge status={card.status} authBroken={authorizationBroken(card)} />
          </div>
        </div>
      </div>
      <div className="space-y-4 px-5 py-4 text-sm text-slate-800">
        <StatusDetail card={card} crm={crm} timeZone={timeZone} now={now} />
        <dl className="space-y-2">
          <div>
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">Last event received</dt>
            <dd className="mt-0.5">
              {card.lastEventAt ? (
                <When at={card.lastEventAt} timeZone={timeZone} now={now} />
              ) : (
                <span className="text-slate-600">No events yet</span>
              )}
            </dd>
          </div>
          {card.lastEventType && (
            <div>
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">Recent activity</dt>
              <dd className="mt-0.5">
                <RecentActivity card={card} resolution={resolution} timeZone={timeZone} now={now} />
              </dd>
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
      <div className="flex flex-wrap content-start items-center gap-2 rounded-b-lg border-t border-slate-200 bg-slate-50 px-5 py-3">
        <Link
          href={`/integrations/${card.provider}/settings/sync`}
          className={buttonClass("secondary")}
          aria-label={`${canChange ? "Settings" : "View settings"} for ${crm}`}
        >
          {canChange ? "Settings" : "View settings"}
        </Link>
        {canChange && (
          <StatusActions
            provider={card.provider}
            crm={crm}
            offer={options.disable ? "disable" : options.enable ? "enable" : null}
            authBroken={options.reconnectNeeded}
            enableSyncs={options.enableSyncs}
          />
        )}
        {options.reconnectNeeded && !oauth && <span className="text-xs font-medium text-slate-700">Reconnect needed</span>}
        {oauth}
      </div>
    </section>
  );
}
