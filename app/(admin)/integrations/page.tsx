import type { Metadata } from "next";
import { PROVIDER_NAMES, PROVIDERS } from "@/lib/integrations/providers";
import { getIntegrations } from "@/db/queries/integrations";
import { requirePage } from "@/lib/auth/session";
import { now as clockNow } from "@/lib/clock";
import { can } from "@/lib/auth/permissions";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { IntegrationCard } from "@/components/integrations/integration-card";
import { OAuthConnect } from "@/components/integrations/oauth-connect";
import { OAuthResultAlert } from "@/components/integrations/oauth-result-alert";
import { IntegrationTimeline } from "@/components/integrations/timeline";
import { findAlertResolution, listIntegrationTimeline } from "@/db/queries/integration-timeline";
import { authorizationBroken } from "@/lib/integrations/status";

export const metadata: Metadata = { title: "Integrations" };
export const dynamic = "force-dynamic";

export default async function IntegrationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const { reconnect } = query;
  // the re-auth email's link keeps its ?reconnect= through sign-in and onto the no-access page
  const path = typeof reconnect === "string" ? `/integrations?reconnect=${encodeURIComponent(reconnect)}` : "/integrations";
  const viewer = await requirePage("integrations:view", path);
  const canChange = can(viewer.role, "integrations:change");
  const cards = (await getIntegrations({ companyId: viewer.companyId })).sort(
    (a, b) => PROVIDERS.indexOf(a.provider) - PROVIDERS.indexOf(b.provider),
  );
  const shown = await Promise.all(
    cards.map(async (card) => ({
      card,
      resolution:
        card.lastEventType === "integration.reauth_required" && card.lastEventAt && !authorizationBroken(card)
          ? await findAlertResolution({ companyId: viewer.companyId, provider: card.provider, since: card.lastEventAt })
          : undefined,
      timeline: await listIntegrationTimeline({ companyId: viewer.companyId, provider: card.provider }),
    })),
  );
  const now = clockNow();

  return (
    <>
      <PageHeader
        title="Integrations"
        description={`The CRMs ${viewer.company.name} syncs contacts and call activity with. Times are shown in ${viewer.company.timeZone}.`}
      />
      <OAuthResultAlert companyId={viewer.companyId} searchParams={query} />
      {!canChange && (
        <div className="mb-6">
          <Alert tone="info" title="View only">
            You can see the integrations and their settings. Only company admins can connect, disable or change them.
          </Alert>
        </div>
      )}
      <div className="grid gap-x-5 md:grid-cols-2 xl:grid-cols-3">
        {shown.map(({ card, resolution, timeline }) => (
          <IntegrationCard
            key={card.provider}
            card={card}
            timeZone={viewer.company.timeZone}
            now={now}
            canChange={canChange}
            highlighted={reconnect === card.provider}
            resolution={resolution}
            timeline={
              <IntegrationTimeline
                items={timeline}
                crm={PROVIDER_NAMES[card.provider]}
                provider={card.provider}
                timeZone={viewer.company.timeZone}
              />
            }
            oauth={
              canChange ? (
                <OAuthConnect
                  companyId={viewer.companyId}
                  provider={card.provider}
                  status={card.status}
                  disabledBy={card.disabledBy}
                  authBroken={authorizationBroken(card)}
                  highlighted={reconnect === card.provider}
                />
              ) : null
            }
          />
        ))}
      </div>
    </>
  );
}
