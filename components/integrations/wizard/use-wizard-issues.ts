"use client";

import { useCallback, useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import type { CompanyFeatures } from "@/db/schema";
import type { Provider } from "@/lib/integrations/providers";
import type { WizardTab } from "@/lib/integrations/settings/schema";
import { validateSettings, type SettingsIssue } from "@/lib/integrations/settings/validation";
import type { WizardDraft } from "./use-wizard-draft";

/*
 * What is wrong with the draft, and where: the wizard's own rules run as the
 * user edits (mapping issues show at once, the rest once Save was tried), and
 * the issues a refused Save returned stand until the next edit. Going to an
 * issue opens its tab and focuses its field.
 */
export function useWizardIssues({
  provider,
  features,
  tabs,
  draft,
  tabHref,
}: {
  provider: Provider;
  features: CompanyFeatures;
  tabs: WizardTab[];
  draft: Pick<WizardDraft, "draft" | "saved" | "revision">;
  tabHref: (tab: WizardTab) => string;
}) {
  const router = useRouter();
  const [submitted, setSubmitted] = useState(false);
  const [fromServer, setFromServer] = useState<{ revision: number; issues: SettingsIssue[] } | null>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);

  const serverIssues = useMemo(
    () => (fromServer && fromServer.revision === draft.revision ? fromServer.issues : []),
    [fromServer, draft.revision],
  );
  const live = useMemo(
    () => validateSettings({ provider, features, input: draft.draft, current: draft.saved }),
    [provider, features, draft.draft, draft.saved],
  );
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

  const { revision } = draft;
  return {
    live,
    issues,
    attempted: submitted || serverIssues.length > 0,
    setSubmitted,
    showServerIssues: useCallback((list: SettingsIssue[]) => setFromServer({ revision, issues: list }), [revision]),
    clearServerIssues: useCallback(() => setFromServer(null), []),
    errorFor,
    focusKey,
    clearFocus: useCallback(() => setFocusKey(null), []),
    goToIssue,
  };
}

export type WizardIssues = ReturnType<typeof useWizardIssues>;
