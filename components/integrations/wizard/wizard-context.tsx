"use client";

import { createContext, useCallback, useContext, type ReactNode } from "react";
import type { CompanyFeatures } from "@/db/schema";
import { type Provider, PROVIDER_NAMES } from "@/lib/integrations/providers";
import { TAB_LABELS, type IntegrationSettings, type TabSettings, type WizardTab } from "@/lib/integrations/settings/schema";
import type { SettingsIssue } from "@/lib/integrations/settings/validation";
import type { SettingsConflict } from "@/lib/concurrency/settings-version";
import { LeaveGuard } from "@/components/unsaved-changes/leave-guard";
import { useWizardDraft, type LastReset } from "./use-wizard-draft";
import { useWizardIssues } from "./use-wizard-issues";
import { useWizardSave, type Banner } from "./use-wizard-save";

/*
 * The wizard's draft of ALL tabs lives here, in a client component rendered
 * by the settings LAYOUT. Each tab is its own page (/settings/sync,
 * /settings/filters, …) reached with <Link> or router.push; the App Router
 * keeps a layout mounted while its child pages change, so this state — every
 * tab's unsaved edits — survives tab switches, Back and Next (R14), while each
 * tab keeps a real, shareable URL and the server still decides which tabs
 * exist (404 for unknown ones). Nothing is persisted until Save (R15, R16).
 * The draft (./use-wizard-draft.ts), its issues (./use-wizard-issues.ts) and
 * Save (./use-wizard-save.ts) are kept apart; this file joins them for the tabs.
 */

type WizardValue = {
  provider: Provider;
  crm: string;
  tabs: WizardTab[];
  features: CompanyFeatures;
  canChange: boolean;
  tabHref: (tab: WizardTab) => string;
  draft: IntegrationSettings;
  saved: IntegrationSettings;
  change: <T extends WizardTab>(tab: T, next: TabSettings[T]) => void;
  resetTab: (tab: WizardTab) => void;
  lastReset: LastReset | null;
  undoReset: () => void;
  /** Drops every unsaved edit on every tab. */
  discard: () => void;
  modifiedTabs: WizardTab[];
  isModified: (tab: WizardTab, key: string) => boolean;
  /** Issues to show now: mapping ones as soon as they arise, the rest once Save was tried. */
  issues: SettingsIssue[];
  attempted: boolean;
  errorFor: (key: string) => string | undefined;
  save: () => void;
  saving: boolean;
  banner: Banner | null;
  /** The last Save's confirmation, until the next edit. */
  savedMessage: string | null;
  /** A field to focus once its tab has rendered (after Save switched to it). */
  focusKey: string | null;
  clearFocus: () => void;
  goToIssue: (issue: SettingsIssue) => void;
  /** A refused stale Save: who saved since and what differs. */
  conflict: SettingsConflict | null;
  /** "tab.field" of every field the draft changes. */
  editedFields: ReadonlySet<string>;
  loadTheirs: () => void;
  keepMine: () => void;
};

const WizardContext = createContext<WizardValue | null>(null);

export function useWizard(): WizardValue {
  const value = useContext(WizardContext);
  if (!value) throw new Error("useWizard must be used inside <WizardProvider>");
  return value;
}

export function WizardProvider({
  provider,
  tabs,
  features,
  canChange,
  initial,
  initialVersion,
  children,
}: {
  provider: Provider;
  tabs: WizardTab[];
  features: CompanyFeatures;
  canChange: boolean;
  initial: IntegrationSettings;
  initialVersion: string;
  children: ReactNode;
}) {
  const basePath = `/integrations/${provider}/settings`;
  const tabHref = useCallback((tab: WizardTab) => `${basePath}/${tab}`, [basePath]);
  const draft = useWizardDraft({ provider, tabs, initial });
  const issues = useWizardIssues({ provider, features, tabs, draft, tabHref });
  const saving = useWizardSave({ provider, tabs, canChange, initialVersion, draft, issues });

  const { discard: discardDraft } = draft;
  const { setSubmitted } = issues;
  const { clearBanner } = saving;
  const discard = useCallback(() => {
    discardDraft();
    setSubmitted(false);
    clearBanner();
  }, [discardDraft, setSubmitted, clearBanner]);

  const value: WizardValue = {
    provider,
    crm: PROVIDER_NAMES[provider],
    tabs,
    features,
    canChange,
    tabHref,
    draft: draft.draft,
    saved: draft.saved,
    change: draft.change,
    resetTab: draft.resetTab,
    lastReset: draft.lastReset,
    undoReset: draft.undoReset,
    discard,
    modifiedTabs: draft.modifiedTabs,
    isModified: draft.isModified,
    issues: issues.issues,
    attempted: issues.attempted,
    errorFor: issues.errorFor,
    save: saving.save,
    saving: saving.saving,
    banner: saving.banner,
    savedMessage: saving.savedMessage,
    focusKey: issues.focusKey,
    clearFocus: issues.clearFocus,
    goToIssue: issues.goToIssue,
    conflict: saving.conflict,
    editedFields: draft.editedFields,
    loadTheirs: saving.loadTheirs,
    keepMine: saving.keepMine,
  };

  return (
    <WizardContext.Provider value={value}>
      <LeaveGuard
        active={canChange && draft.modifiedTabs.length > 0 && !saving.saving}
        stayWithin={`${basePath}/`}
        message={`Your changes on ${draft.modifiedTabs.map((t) => TAB_LABELS[t]).join(", ")} haven't been saved and will be lost.`}
      >
        {children}
      </LeaveGuard>
    </WizardContext.Provider>
  );
}
