"use client";

import { useEffect } from "react";
import { Alert } from "@/components/ui/alert";
import { TabLinks } from "@/components/ui/tabs";
import { fieldDomId } from "@/lib/integrations/settings/labels";
import { describeIssue } from "@/lib/integrations/settings/validation";
import { TAB_LABELS, type WizardTab } from "@/lib/integrations/settings/schema";
import { CommunicationTab } from "./communication-tab";
import { FiltersTab } from "./filters-tab";
import { MappingTab } from "./mapping-tab";
import { SyncTab } from "./sync-tab";
import { WizardFooter } from "./wizard-footer";
import { useWizard } from "./wizard-context";

const DESCRIPTIONS: Record<WizardTab, (crm: string) => string> = {
  sync: (crm) => `What syncs between ${crm} and Switchboard, and which way.`,
  filters: (crm) => `Conditions a ${crm} record must meet to sync.`,
  communication: (crm) => `Which conversations Switchboard logs to ${crm}.`,
  mapping: (crm) => `How Switchboard's contact fields line up with ${crm} properties.`,
};

const PANELS: Record<WizardTab, () => React.JSX.Element> = {
  sync: SyncTab,
  filters: FiltersTab,
  communication: CommunicationTab,
  mapping: MappingTab,
};

/** One tab of the wizard: the step bar, the tab's fields (from the shared draft) and the footer. */
export function WizardView({ tab }: { tab: WizardTab }) {
  const w = useWizard();
  const Panel = PANELS[tab];
  const { focusKey, clearFocus } = w;

  // After Save sent us here for an invalid field, put the cursor on it.
  useEffect(() => {
    if (!focusKey || !focusKey.startsWith(`${tab}.`)) return;
    const el = document.getElementById(fieldDomId(focusKey));
    if (el) {
      el.focus();
      el.scrollIntoView({ block: "center" });
    }
    clearFocus();
  }, [focusKey, tab, clearFocus]);

  const issuesByTab = (t: WizardTab) => w.issues.filter((i) => i.tab === t).length;

  return (
    <div>
      {!w.canChange && (
        <div className="mb-4">
          <Alert tone="info" title="View only">
            You can look through every tab. Only company admins can change integration settings.
          </Alert>
        </div>
      )}
      <TabLinks
        label="Settings steps"
        numbered
        items={w.tabs.map((t) => ({
          href: w.tabHref(t),
          label: TAB_LABELS[t],
          current: t === tab,
          marker:
            issuesByTab(t) > 0 ? (
              <span className="rounded-full bg-red-100 px-1.5 text-xs font-semibold text-red-800">
                {issuesByTab(t)}
                <span className="sr-only"> {issuesByTab(t) === 1 ? "problem" : "problems"}</span>
              </span>
            ) : w.modifiedTabs.includes(t) ? (
              <span className="rounded-full bg-amber-100 px-1.5 text-xs font-medium text-amber-900">Modified</span>
            ) : null,
        }))}
      />

      <div className="mt-4 space-y-3">
        {w.attempted && w.issues.length > 0 && (
          <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
            <p className="font-semibold">Nothing was saved. {describeIssue(w.issues[0])}</p>
            {w.issues.length > 1 && (
              <ul className="mt-2 list-disc space-y-1 pl-5">
                {w.issues.slice(1, 8).map((issue) => (
                  <li key={issue.key}>
                    <button type="button" className="block text-left underline underline-offset-2" onClick={() => w.goToIssue(issue)}>
                      {describeIssue(issue)}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {w.banner && <Alert tone={w.banner.tone}>{w.banner.text}</Alert>}
      </div>

      <section aria-labelledby="wizard-tab-title" className="mt-4 rounded-lg border border-slate-200 bg-white px-5 shadow-sm sm:px-6">
        <div className="border-b border-slate-200 py-4">
          <h2 id="wizard-tab-title" className="text-lg font-semibold text-slate-900">
            {TAB_LABELS[tab]}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{DESCRIPTIONS[tab](w.crm)}</p>
        </div>
        <fieldset disabled={!w.canChange} className="min-w-0">
          <legend className="sr-only">{TAB_LABELS[tab]} settings</legend>
          <Panel />
        </fieldset>
      </section>

      <WizardFooter tab={tab} />
    </div>
  );
}
