"use client";

import { useCallback, useMemo, useState } from "react";
import type { Provider } from "@/lib/integrations/providers";
import {
  defaultTab,
  withDisposition,
  type IntegrationSettings,
  type TabSettings,
  type WizardTab,
} from "@/lib/integrations/settings/schema";
import { sameValue } from "@/lib/integrations/settings/diff";

/** The tab a Reset just returned to its defaults, and its values before, for Undo. */
export type LastReset = { tab: WizardTab; before: IntegrationSettings[WizardTab] };

/*
 * The draft of every tab against the settings last saved: edits, Reset of one
 * tab (R15) with its Undo, and which tabs and fields differ. `revision`
 * counts the user's edits, so what was said about one draft (the server's
 * issues, "saved") can stop being shown once the draft moves on.
 */
export function useWizardDraft({ provider, tabs, initial }: { provider: Provider; tabs: WizardTab[]; initial: IntegrationSettings }) {
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState(initial);
  const [lastReset, setLastReset] = useState<LastReset | null>(null);
  const [revision, setRevision] = useState(0);

  const change = useCallback(
    <T extends WizardTab>(tab: T, next: TabSettings[T]) => {
      setDraft((d) => withDisposition(provider, { ...d, [tab]: next }));
      setLastReset(null);
      setRevision((r) => r + 1);
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
  /** Drops every unsaved edit on every tab. */
  const discard = useCallback(() => {
    setDraft(saved);
    setLastReset(null);
    setRevision((r) => r + 1);
  }, [saved]);
  /** Settings the server holds now become both what is saved and the draft (after a Save, or a conflict's way on). */
  const startFrom = useCallback((nextSaved: IntegrationSettings, nextDraft: IntegrationSettings = nextSaved) => {
    setSaved(nextSaved);
    setDraft(nextDraft);
  }, []);

  const modifiedTabs = useMemo(() => tabs.filter((t) => !sameValue(draft[t], saved[t])), [tabs, draft, saved]);
  const isModified = useCallback(
    (tab: WizardTab, key: string) => !sameValue((draft[tab] as Record<string, unknown>)[key], (saved[tab] as Record<string, unknown>)[key]),
    [draft, saved],
  );
  /** "tab.field" of every field the draft changes. */
  const editedFields = useMemo(
    () =>
      new Set(
        tabs.flatMap((t) =>
          Object.keys(draft[t])
            .filter((k) => isModified(t, k))
            .map((k) => `${t}.${k}`),
        ),
      ),
    [tabs, draft, isModified],
  );

  return {
    draft,
    saved,
    revision,
    change,
    resetTab,
    lastReset,
    clearLastReset: useCallback(() => setLastReset(null), []),
    undoReset,
    discard,
    startFrom,
    modifiedTabs,
    isModified,
    editedFields: editedFields as ReadonlySet<string>,
  };
}

export type WizardDraft = ReturnType<typeof useWizardDraft>;
