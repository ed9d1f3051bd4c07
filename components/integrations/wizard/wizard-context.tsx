"use client";

import { createContext, useCallback, useContext, useMemo, useState, useTransition, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import type { CompanyFeatures } from "@/db/schema";
import { type Provider, PROVIDER_NAMES } from "@/lib/integrations/providers";
import { saveSettings } from "@/app/(admin)/integrations/[provider]/settings/actions";
import { defaultTab, withDisposition, TAB_LABELS, type IntegrationSettings, type TabSettings, type WizardTab } from "@/lib/integrations/settings/schema";
import { validateSettings, type SettingsIssue } from "@/lib/integrations/settings/validation";
import { sameValue } from "@/lib/integrations/settings/diff";
import { keepEditsOn } from "@/lib/integrations/settings/conflict";
import { VERSION_FIELD, type SettingsConflict } from "@/lib/concurrency/settings-version";
import { LeaveGuard } from "@/components/unsaved-changes/leave-guard";

/*
 * The wizard's draft of ALL tabs lives here, in a client component rendered
 * by the settings LAYOUT. Each tab is its own page (/settings/sync,
 * /settings/filters, …) reached with <Link> or router.push; the App Router
 * keeps a layout mounted while its child pages change, so this state — every
 * tab's unsaved edits — survives tab switches, Back and Next (R14), while each
 * tab keeps a real, shareable URL and the server still decides which tabs
 * exist (404 for unknown ones). Nothing is persisted until Save (R15, R16).
 * Save carries the version `saved` was loaded at; a stale Save is refused and
 * the draft stays as it is (docs/security/lost-updates.md).
 */

type Banner = { tone: "error"; text: string };
/** The tab a Reset just returned to its defaults, and its values before, for Undo. */
type LastReset = { tab: WizardTab; before: IntegrationSettings[WizardTab] };

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
  const router = useRouter();
  const [saved, setSaved] = useState(initial);
  const [version, setVersion] = useState(initialVersion);
  const [conflict, setConflict] = useState<(SettingsConflict & { fresh: IntegrationSettings }) | null>(null);
  const [draft, setDraft] = useState(initial);
  const [submitted, setSubmitted] = useState(false);
  const [serverIssues, setServerIssues] = useState<SettingsIssue[]>([]);
  const [banner, setBanner] = useState<Banner | null>(null);
  const [savedMessage, setSavedMessage] = useState<string | null>(null);
  const [lastReset, setLastReset] = useState<LastReset | null>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [saving, startSaving] = useTransition();
  const basePath = `/integrations/${provider}/settings`;
  const tabHref = useCallback((tab: WizardTab) => `${basePath}/${tab}`, [basePath]);

  const change = useCallback(
    <T extends WizardTab>(tab: T, next: TabSettings[T]) => {
      setDraft((d) => withDisposition(provider, { ...d, [tab]: next }));
      setServerIssues([]);
      setSavedMessage(null);
      setLastReset(null);
    },
    [provider],
  );
  const resetTab = useCallback(
    (tab: WizardTab) => {
      const before = draft[tab];
      change(tab, defaultTab(provider, tab));
      setLastReset({ tab, before });
    },
    [change, provider, draft],
  );
  const undoReset = useCallback(() => {
    if (!lastReset) return;
    change(lastReset.tab, lastReset.before as TabSettings[typeof lastReset.tab]);
  }, [change, lastReset]);
  const discard = useCallback(() => {
    setDraft(saved);
    setServerIssues([]);
    setSubmitted(false);
    setLastReset(null);
    setBanner(null);
  }, [saved]);

  const modifiedTabs = useMemo(() => tabs.filter((t) => !sameValue(draft[t], saved[t])), [tabs, draft, saved]);
  const isModified = useCallback(
    (tab: WizardTab, key: string) =>
      !sameValue((draft[tab] as Record<string, unknown>)[key], (saved[tab] as Record<string, unknown>)[key]),
    [draft, saved],
  );

  const live = useMemo(() => validateSettings({ provider, features, input: draft, current: saved }), [provider, features, draft, saved]);
  const issues = useMemo(() => {
    if (serverIssues.length > 0) return serverIssues;
    const all = live.ok ? [] : live.issues.filter((i) => tabs.includes(i.tab));
    return submitted ? all : all.filter((i) => i.tab === "mapping");
  }, [live, serverIssues, submitted, tabs]);
  const errorFor = useCallback((key: string) => issues.find((i) => i.key === key)?.message, [issues]);

  const goToIssue = useCallback(
    (issue: SettingsIssue) => {
      setFocusKey(issue.key);
      router.push(tabHref(issue.tab), { scroll: false });
    },
    [router, tabHref],
  );

  const save = useCallback(() => {
    if (!canChange) return;
    setSubmitted(true);
    setBanner(null);
    setLastReset(null);
    const check = validateSettings({ provider, features, input: draft, current: saved });
    if (!check.ok) {
      // The issues summary names each tab and field; go to the first one.
      goToIssue(check.issues.find((i) => tabs.includes(i.tab)) ?? check.issues[0]);
      return;
    }
    const data = new FormData();
    data.set("provider", provider);
    data.set("settings", JSON.stringify(draft));
    data.set(VERSION_FIELD, version);
    setConflict(null);
    startSaving(async () => {
      let result: Awaited<ReturnType<typeof saveSettings>>;
      try {
        result = await saveSettings(data);
      } catch {
        setBanner({ tone: "error", text: "Switchboard couldn't be reached, so nothing was saved. Check your connection and try again." });
        return;
      }
      if (result.ok && result.settings) {
        if (result.version) setVersion(result.version);
        setSaved(result.settings);
        setDraft(result.settings);
        setSubmitted(false);
        setServerIssues([]);
        setSavedMessage(result.message ?? "Settings saved.");
        return;
      }
      if (result.conflict) {
        setConflict(result.conflict);
        return;
      }
      if (result.issues?.length) {
        setServerIssues(result.issues);
        goToIssue(result.issues[0]);
        return;
      }
      setBanner({ tone: "error", text: result.error ?? "Nothing was saved." });
    });
  }, [canChange, provider, features, draft, saved, version, goToIssue, tabs]);

  const editedFields = useMemo(
    () =>
      new Set(
        tabs.flatMap((t) =>
          Object.keys(draft[t]).filter((k) => isModified(t, k)).map((k) => `${t}.${k}`),
        ),
      ),
    [tabs, draft, isModified],
  );

  // Both ways on from a conflict start over from the settings saved now; neither saves.
  const goOnFrom = useCallback(
    (next: IntegrationSettings) => {
      if (!conflict) return;
      setSaved(conflict.fresh);
      setDraft(next);
      setVersion(conflict.version);
      setConflict(null);
      setServerIssues([]);
      setBanner(null);
    },
    [conflict],
  );
  const loadTheirs = useCallback(() => conflict && goOnFrom(conflict.fresh), [conflict, goOnFrom]);
  const keepMine = useCallback(
    () => conflict && goOnFrom(keepEditsOn(provider, conflict.fresh, draft, saved)),
    [conflict, goOnFrom, provider, draft, saved],
  );

  const value: WizardValue = {
    provider,
    crm: PROVIDER_NAMES[provider],
    tabs,
    features,
    canChange,
    tabHref,
    draft,
    saved,
    change,
    resetTab,
    lastReset,
    undoReset,
    discard,
    modifiedTabs,
    isModified,
    issues,
    attempted: submitted || serverIssues.length > 0,
    errorFor,
    save,
    saving,
    banner,
    savedMessage,
    focusKey,
    clearFocus: () => setFocusKey(null),
    goToIssue,
    conflict,
    editedFields,
    loadTheirs,
    keepMine,
  };

  return (
    <WizardContext.Provider value={value}>
      <LeaveGuard
        active={canChange && modifiedTabs.length > 0 && !saving}
        stayWithin={`${basePath}/`}
        message={`Your changes on ${modifiedTabs.map((t) => TAB_LABELS[t]).join(", ")} haven't been saved and will be lost.`}
      >
        {children}
      </LeaveGuard>
    </WizardContext.Provider>
  );
}
