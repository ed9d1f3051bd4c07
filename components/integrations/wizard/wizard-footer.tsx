"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { SaveBar } from "@/components/unsaved-changes/save-bar";
import { SettingsConflictNotice } from "@/components/settings-conflict";
import { RESETTABLE_TABS, TAB_LABELS, type WizardTab } from "@/lib/integrations/settings/schema";
import { useWizard } from "./wizard-context";

/* Back / Next / Reset / Discard / Save in the shared save bar, always in reach at the bottom of the window. */
export function WizardFooter({ tab }: { tab: WizardTab }) {
  const w = useWizard();
  const router = useRouter();
  const index = w.tabs.indexOf(tab);
  const previous = w.tabs[index - 1];
  const next = w.tabs[index + 1];
  // Until the next tab has rendered, this footer still belongs to the old one: don't step twice from it.
  const [moving, startMoving] = useTransition();
  const go = (target: WizardTab | undefined) => target && startMoving(() => router.push(w.tabHref(target)));

  const reset = w.lastReset && w.lastReset.tab === tab ? w.lastReset : null;

  return (
    <SaveBar
      className="-mx-4 mt-6 border-t sm:-mx-6"
      dirtySections={w.modifiedTabs.map((t) => TAB_LABELS[t])}
      outcome={w.savedMessage ? { tone: "success", text: w.savedMessage } : null}
      notice={
        reset && (
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className="font-medium text-amber-900">
              {TAB_LABELS[reset.tab]} reset to its defaults{w.modifiedTabs.includes(reset.tab) ? " — not saved yet" : ""}.
            </span>
            <button
              type="button"
              onClick={w.undoReset}
              className="rounded-md px-2 py-1 font-medium text-brand-700 underline underline-offset-2 hover:bg-brand-50"
            >
              Undo<span className="sr-only"> the reset of {TAB_LABELS[reset.tab]}</span>
            </button>
          </span>
        )
      }
      saving={w.saving}
      readOnly={!w.canChange}
      onSave={w.save}
      onDiscard={w.discard}
      actions={
        <>
          <Button variant="secondary" disabled={!previous || moving} onClick={() => go(previous)}>
            {/* at 390 px the arrows alone keep the footer to two rows; the names stay for screen readers */}
            <span aria-hidden>←</span>
            <span className="max-sm:sr-only"> Back</span>
          </Button>
          <Button variant="secondary" disabled={!next || moving} onClick={() => go(next)}>
            <span className="max-sm:sr-only">Next </span>
            <span aria-hidden>→</span>
          </Button>
          {w.canChange && RESETTABLE_TABS.includes(tab) && (
            <Button variant="ghost" onClick={() => w.resetTab(tab)}>
              Reset<span className="max-sm:sr-only"> to defaults</span>
              <span className="sr-only"> ({TAB_LABELS[tab]} tab only)</span>
            </Button>
          )}
        </>
      }
    >
      {w.conflict && !w.saving && (
        <div className="mt-3 max-h-[50vh] overflow-y-auto">
          <SettingsConflictNotice conflict={w.conflict} editedFields={w.editedFields} onLoadTheirs={w.loadTheirs} onKeepMine={w.keepMine} />
        </div>
      )}
    </SaveBar>
  );
}
