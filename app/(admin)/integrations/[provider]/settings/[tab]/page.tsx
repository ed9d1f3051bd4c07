import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getViewer, requirePage } from "@/lib/auth/session";
import { isWizardTab, wizardTabs, TAB_LABELS } from "@/lib/integrations/settings/schema";
import { isProvider, PROVIDER_NAMES } from "@/lib/integrations/providers";
import { WizardView } from "@/components/integrations/wizard/wizard-view";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ provider: string; tab: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { provider, tab } = await params;
  const viewer = await getViewer();
  // a tab the company does not have is not found, and its title must not name it
  if (!isProvider(provider) || !isWizardTab(tab) || (viewer && !wizardTabs(viewer.company.features).includes(tab))) {
    return { title: "Page not found" };
  }
  return { title: `${TAB_LABELS[tab]} · ${PROVIDER_NAMES[provider]} settings` };
}

/* One tab; the Filters tab exists only for companies with the filters feature (docs/product §3.1). */
export default async function SettingsTabPage({ params }: Params) {
  const { provider, tab } = await params;
  const viewer = await requirePage("integrations:view", `/integrations/${provider}/settings/${tab}`);
  if (!isProvider(provider) || !isWizardTab(tab) || !wizardTabs(viewer.company.features).includes(tab)) notFound();
  return <WizardView tab={tab} />;
}
