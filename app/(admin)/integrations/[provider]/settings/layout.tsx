import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getIntegration, getIntegrationSettingsVersion } from "@/db/queries/integrations";
import { requirePage } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { isProvider, PROVIDER_NAMES } from "@/lib/integrations/providers";
import { wizardTabs } from "@/lib/integrations/settings/schema";
import { ProviderMark } from "@/components/integrations/provider-mark";
import { StatusBadge } from "@/components/integrations/status-badge";
import { WizardProvider } from "@/components/integrations/wizard/wizard-context";

export const dynamic = "force-dynamic";

/*
 * The wizard's frame. It stays mounted while the tab pages below it change,
 * which is what keeps every tab's unsaved edits (see WizardProvider).
 */
export default async function SettingsLayout({ children, params }: { children: ReactNode; params: Promise<{ provider: string }> }) {
  const { provider } = await params;
  if (!isProvider(provider)) notFound();
  const viewer = await requirePage("integrations:view", `/integrations/${provider}/settings`);
  // the version first: a Save landing between the two reads then makes ours look stale, never current
  const version = await getIntegrationSettingsVersion({ companyId: viewer.companyId, provider });
  const integration = await getIntegration({ companyId: viewer.companyId, provider });
  if (!integration) notFound();
  const crm = PROVIDER_NAMES[provider];

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 text-sm">
        <ol className="flex items-center gap-2 text-slate-600">
          <li>
            <Link href="/integrations" className="hover:text-slate-900 hover:underline">
              Integrations
            </Link>
          </li>
          <li aria-hidden>/</li>
          <li aria-current="page" className="font-medium text-slate-900">
            {crm} settings
          </li>
        </ol>
      </nav>
      <div className="mb-6 flex flex-wrap items-center gap-4">
        <ProviderMark provider={provider} size="lg" />
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{crm} settings</h1>
          <div className="mt-1 flex flex-wrap items-center gap-3 text-sm text-slate-600">
            <StatusBadge status={integration.status} />
            <span>Edits on every tab are kept until you save them together.</span>
          </div>
        </div>
      </div>
      <WizardProvider
        provider={provider}
        tabs={wizardTabs(viewer.company.features)}
        features={viewer.company.features}
        canChange={can(viewer.role, "integrations:change")}
        initial={integration.settings}
        initialVersion={version}
      >
        {children}
      </WizardProvider>
    </>
  );
}
