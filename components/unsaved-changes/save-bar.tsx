"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

/*
 * The save bar of every settings page (Report settings, the integration
 * wizard): sticky at the bottom of the window, one status line that screen
 * readers announce (role="status" is polite), Discard and Save on the right.
 * The status says, in this order: saving, the last save's failure, a notice
 * (e.g. a Reset that can be undone), the last save's success while nothing
 * was edited since, the edited sections, or that everything is saved.
 */

export type SaveOutcome = { tone: "success" | "error"; text: ReactNode };

export function SaveBar({
  dirtySections,
  outcome,
  notice,
  saving,
  readOnly = false,
  saveLabel = "Save",
  onSave,
  onDiscard,
  actions,
  children,
  className = "",
}: {
  /** the sections with unsaved edits, as the page names them; empty when nothing is edited */
  dirtySections: string[];
  outcome?: SaveOutcome | null;
  notice?: ReactNode;
  saving: boolean;
  readOnly?: boolean;
  saveLabel?: string;
  /** without it, Save submits the form the bar sits in */
  onSave?: () => void;
  onDiscard?: () => void;
  /** buttons before Discard and Save (Back / Next, Send test email, …) */
  actions?: ReactNode;
  /** below the bar's row (e.g. a conflict notice) */
  children?: ReactNode;
  className?: string;
}) {
  const dirty = dirtySections.length > 0;
  return (
    <div
      data-testid="save-bar"
      className={`sticky bottom-0 z-10 border-slate-200 bg-white/95 px-4 py-3 shadow-[0_-4px_12px_-8px_rgba(15,23,42,0.25)] backdrop-blur sm:px-6 ${className}`}
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div role="status" aria-live="polite" className="min-w-0 flex-1 text-sm max-sm:basis-full">
          {readOnly ? (
            <span className="text-slate-700">View only</span>
          ) : saving ? (
            <span className="text-slate-700">Saving…</span>
          ) : outcome?.tone === "error" ? (
            <span className="font-medium text-red-700">{outcome.text}</span>
          ) : notice ? (
            notice
          ) : outcome?.tone === "success" && !dirty ? (
            <span className="font-medium text-green-800">
              <span aria-hidden>✓ </span>
              {outcome.text}
            </span>
          ) : dirty ? (
            <span className="font-medium text-amber-900">
              <span aria-hidden className="mr-1.5 inline-block h-2 w-2 rounded-full bg-amber-500" />
              Unsaved changes on {dirtySections.join(", ")}
            </span>
          ) : (
            <span className="text-slate-700">All changes saved</span>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {actions}
          {!readOnly && onDiscard && dirty && (
            <Button variant="ghost" onClick={onDiscard} disabled={saving}>
              Discard<span className="max-sm:sr-only"> changes</span>
            </Button>
          )}
          {!readOnly && (
            <Button type={onSave ? "button" : "submit"} onClick={onSave} disabled={saving || !dirty} aria-disabled={saving || !dirty}>
              {saving ? "Saving…" : saveLabel}
            </Button>
          )}
        </div>
      </div>
      {children}
    </div>
  );
}
