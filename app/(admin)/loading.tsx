/*
 * Shown inside the app shell while a console page renders on the server (navigation between
 * sections, a slow query): announced once to screen readers, never an empty main area.
 */
export default function ConsoleLoading() {
  return (
    <div role="status" aria-busy="true" aria-live="polite" className="space-y-4">
      <span className="sr-only">Loading…</span>
      <div aria-hidden className="h-8 w-64 animate-pulse rounded bg-slate-200" />
      <div aria-hidden className="h-4 w-96 max-w-full animate-pulse rounded bg-slate-200" />
      <div aria-hidden className="h-48 animate-pulse rounded-lg border border-slate-200 bg-white" />
    </div>
  );
}
