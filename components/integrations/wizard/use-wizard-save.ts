"use client";

import { useCallback, useState, useTransition } from "react";
import type { Provider } from "@/lib/integrations/providers";
import { VERSION_FIELD, type SettingsConflict } from "@/lib/concurrency/settings-version";
import { appendFields } from "@/lib/forms/form-data";
import { keepEditsOn } from "@/lib/integrations/settings/conflict";
import { saveSettings, type SaveSettingsResult } from "@/lib/integrations/settings/actions";
import { settingsSchema, type IntegrationSettings, type WizardTab } from "@/lib/integrations/settings/schema";
import type { WizardDraft } from "./use-wizard-draft";
import type { WizardIssues } from "./use-wizard-issues";

export type Banner = { tone: "error"; text: string };

/** What Save posts: the provider, the version the draft was loaded at, and one field per setting. */
function saveForm(provider: Provider, version: string, draft: IntegrationSettings): FormData {
  const form = new FormData();
  form.set("provider", provider);
  form.set(VERSION_FIELD, version);
  return appendFields(form, settingsSchema, draft);
}

/*
 * Save (R16) and what it answers. The draft is checked first with the
 * wizard's own rules; the server checks again. Save carries the version
 * `saved` was loaded at; a stale Save is refused and the draft stays as it
 * is until the user loads their version or keeps their edits on top of it
 * (docs/security/lost-updates.md).
 */
export function useWizardSave({
  provider,
  tabs,
  canChange,
  initialVersion,
  draft,
  issues,
}: {
  provider: Provider;
  tabs: WizardTab[];
  canChange: boolean;
  initialVersion: string;
  draft: WizardDraft;
  issues: WizardIssues;
}) {
  const [version, setVersion] = useState(initialVersion);
  const [conflict, setConflict] = useState<(SettingsConflict & { fresh: IntegrationSettings }) | null>(null);
  const [banner, setBanner] = useState<Banner | null>(null);
  const [saved, setSavedMessage] = useState<{ revision: number; text: string } | null>(null);
  const [saving, startSaving] = useTransition();
  const { draft: current, saved: loaded, revision, startFrom, clearLastReset } = draft;
  const { live, setSubmitted, showServerIssues, clearServerIssues, goToIssue } = issues;

  const save = useCallback(() => {
    if (!canChange) return;
    setSubmitted(true);
    setBanner(null);
    clearLastReset();
    if (!live.ok) {
      // The issues summary names each tab and field; go to the first one.
      goToIssue(live.issues.find((i) => tabs.includes(i.tab)) ?? live.issues[0]);
      return;
    }
    const form = saveForm(provider, version, current);
    setConflict(null);
    startSaving(async () => {
      let result: SaveSettingsResult;
      try {
        result = await saveSettings(form);
      } catch {
        setBanner({ tone: "error", text: "Switchboard couldn't be reached, so nothing was saved. Check your connection and try again." });
        return;
      }
      if (result.ok) {
        setVersion(result.version);
        startFrom(result.settings);
        setSubmitted(false);
        clearServerIssues();
        setSavedMessage({ revision, text: result.message });
        return;
      }
      if (result.conflict) {
        setConflict(result.conflict);
        return;
      }
      if (result.issues?.length) {
        showServerIssues(result.issues);
        goToIssue(result.issues[0]);
        return;
      }
      setBanner({ tone: "error", text: result.error ?? "Nothing was saved." });
    });
  }, [
    canChange,
    provider,
    tabs,
    version,
    current,
    revision,
    live,
    startFrom,
    clearLastReset,
    setSubmitted,
    showServerIssues,
    clearServerIssues,
    goToIssue,
  ]);

  // Both ways on from a conflict start over from the settings saved now; neither saves.
  const goOnFrom = useCallback(
    (next: IntegrationSettings) => {
      if (!conflict) return;
      startFrom(conflict.fresh, next);
      setVersion(conflict.version);
      setConflict(null);
      clearServerIssues();
      setBanner(null);
    },
    [conflict, startFrom, clearServerIssues],
  );
  const loadTheirs = useCallback(() => conflict && goOnFrom(conflict.fresh), [conflict, goOnFrom]);
  const keepMine = useCallback(
    () => conflict && goOnFrom(keepEditsOn(provider, conflict.fresh, current, loaded)),
    [conflict, goOnFrom, provider, current, loaded],
  );

  return {
    save,
    saving,
    banner,
    clearBanner: useCallback(() => setBanner(null), []),
    /** The last Save's confirmation, until the next edit. */
    savedMessage: saved && saved.revision === revision ? saved.text : null,
    conflict: conflict as SettingsConflict | null,
    loadTheirs,
    keepMine,
  };
}
