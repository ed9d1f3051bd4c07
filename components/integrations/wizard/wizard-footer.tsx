"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { SettingsConflictNotice } from "@/components/settings-conflict";
import { RESETTABLE_TABS, TAB_LABELS, type WizardTab } from "@/lib/integrations/settings";
import { useWizard } from "./wizard-context";

/* Back / Next / Reset / Save, always in reach at the bottom of the window. */
export function WizardFooter({ tab }: { tab: WizardTab }) {
  const w = useWizard();
  const router = useRouter();
  const index = w.tabs.indexOf(tab);
  const previous = w.tabs[index - 1];
  const next = w.tabs[index + 1];
  const dirty = w.modifiedTabs.length > 0;
  // Until the next tab has rendered, this footer still belongs to the old one: don't step twice from it.
  const [moving, startMoving] = useTransition();
  const go = (target: WizardTab | undefined) => target && startMoving(() => router.push(w.tabHref(target)));

  return (
    <div className="sticky bottom-0 z-10 -mx-4 mt-6 border-t border-slate-200 bg-white/95 px-4 py-3 shadow-[0_-4px_12px_-8px_rgba(15,23,42,0.25)] backdrop-blur sm:-mx-6 sm:px-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p role="status" className="text-sm">
          {!w.canChange ? (
            <span className="text-slate-700">View only</span>
          ) : dirty ? (
            <span className="font-medium text-amber-900">
              <span aria-hidden className="mr-1.5 inline-block h-2 w-2 rounded-full bg-amber-500" />
              Unsaved changes on {w.modifiedTabs.map((t) => TAB_LABELS[t]).join(", ")}
            </span>
          ) : (
            <span className="text-slate-700">All changes saved</span>
          )}
        </p>
        {/* one row of buttons even at 390 px: Reset's long label is for screen readers there */}
        <div className="flex items-center gap-2">
          <Button variant="secondary" disabled={!previous || moving} onClick={() => go(previous)}>
            <span aria-hidden>←</span> Back
          </Button>
          <Button variant="secondary" disabled={!next || moving} onClick={() => go(next)}>
            Next <span aria-hidden>→</span>
          </Button>
          {w.canChange && RESETTABLE_TABS.includes(tab) && (
            <Button variant="ghost" onClick={() => w.resetTab(tab)}>
              Reset<span className="max-sm:sr-only"> to defaults</span>
              <span className="sr-only"> ({TAB_LABELS[tab]} tab only)</span>
            </Button>
          )}
          {w.canChange && (
            <Button onClick={w.save} disabled={w.saving || !dirty}>
              {w.saving ? "Saving…" : "Save"}
            </Button>
          )}
        </div>
      </div>
      {w.conflict && !w.saving && (
        <div className="mt-3 max-h-[50vh] overflow-y-auto">
          <SettingsConflictNotice conflict={w.conflict} editedFields={w.editedFields} onLoadTheirs={w.loadTheirs} onKeepMine={w.keepMine} />
        </div>
      )}
    </div>
  );
}
