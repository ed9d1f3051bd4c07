"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { retryBulkChunk, startBulkRetry } from "../actions";
import { Button } from "@/components/ui/button";
import { countOf, formatCount } from "@/lib/notifications/format-count";
import { ConfirmDialog } from "@/components/ui/dialog";

type Phase =
  | { name: "idle" }
  | { name: "counting" }
  | { name: "confirm"; total: number; snapshot: string }
  | { name: "running"; done: number; total: number }
  | { name: "finished"; retried: number }
  | { name: "error"; message: string; done: number };

/** What the retry actions read: the log's filters as its URL carries them, and the snapshot once fixed. */
function bulkForm(params: Record<string, string>, snapshot?: string): FormData {
  const form = new FormData();
  form.set("filters", new URLSearchParams(params).toString());
  if (snapshot) form.set("snapshot", snapshot);
  return form;
}

const plural = (n: number) => countOf(n, "message");

/*
 * "Retry all failed" for the messages matching the current filters. A click
 * asks the server for the exact number and fixes a snapshot; after the
 * confirmation the client asks for chunks of 25 until none remain, showing
 * "Retrying 25 of 40…" in between — a long run shows progress, and leaving
 * the page stops it cleanly between chunks. It stays mounted while the page
 * re-renders around it, so the result remains on screen.
 */
export function BulkRetry({ params, failed, summary }: { params: Record<string, string>; failed: string; summary: string }) {
  const router = useRouter();
  const [phase, setPhase] = useState<Phase>({ name: "idle" });

  async function count() {
    setPhase({ name: "counting" });
    const start = await startBulkRetry(bulkForm(params));
    if (!start.ok) return setPhase({ name: "error", message: start.error ?? "", done: 0 });
    if (start.total === 0) return setPhase({ name: "finished", retried: 0 });
    setPhase({ name: "confirm", total: start.total, snapshot: start.snapshot });
  }

  async function run(total: number, snapshot: string) {
    let done = 0;
    setPhase({ name: "running", done, total });
    for (let guard = 0; guard < 100_000; guard++) {
      const chunk = await retryBulkChunk(bulkForm(params, snapshot));
      if (!chunk.ok) return setPhase({ name: "error", message: chunk.error ?? "", done });
      done += chunk.retried;
      setPhase({ name: "running", done, total: Math.max(total, done + chunk.remaining) });
      if (chunk.remaining === 0 || chunk.retried === 0) break;
    }
    setPhase({ name: "finished", retried: done });
    router.refresh();
  }

  const busy = phase.name === "running" || phase.name === "counting";
  const none = failed === "0";
  if (none && phase.name === "idle") return null;
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 bg-red-50/50 px-5 py-3">
      {!none && <p className="text-sm text-slate-800">{summary}</p>}
      <div className="flex flex-wrap items-center gap-3">
        {!none && (
          <Button variant="secondary" onClick={() => void count()} disabled={busy}>
            Retry all failed ({failed})
          </Button>
        )}
        <p role="status" aria-live="polite" className="text-sm text-slate-700">
          {phase.name === "counting" && "Counting the failed messages…"}
          {phase.name === "running" && `Retrying ${formatCount(phase.done)} of ${formatCount(phase.total)}…`}
          {phase.name === "finished" &&
            (phase.retried > 0 ? `Retried ${plural(phase.retried)}: queued again with new idempotency keys.` : "Nothing left to retry.")}
        </p>
        {phase.name === "error" && (
          <p role="alert" className="text-sm font-medium text-red-700">
            {phase.done > 0 ? `Retried ${plural(phase.done)}, then stopped: ` : ""}
            {phase.message}
          </p>
        )}
      </div>
      <ConfirmDialog
        open={phase.name === "confirm"}
        title={phase.name === "confirm" ? `Retry ${plural(phase.total)}?` : "Retry?"}
        description="Every failed message matching the current filters is sent again to its recipients, exactly as it was rendered, under a new idempotency key."
        confirmLabel={phase.name === "confirm" ? `Retry ${plural(phase.total)}` : "Retry"}
        onConfirm={() => phase.name === "confirm" && void run(phase.total, phase.snapshot)}
        onCancel={() => setPhase({ name: "idle" })}
      />
    </div>
  );
}
