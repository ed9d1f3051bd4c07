/*
 * Shown inside the app shell while Report settings renders on the server (it resolves
 * recipients and reads the audit trail): announced once to screen readers, never an
 * empty main area.
 *
 * Only here, a page with nothing below it that can be "not found": once a loading
 * boundary's fallback has been streamed the response is already a 200, so a
 * loading.tsx above a page that calls notFound() (an unknown CRM, tab, notification or
 * email variant) would turn its 404 into a 200 (e2e/not-found.spec.ts).
 */
export default function ReportSettingsLoading() {
  return (
    <div role="status" aria-busy="true" aria-live="polite" className="space-y-4">
      <span className="sr-only">Loading Report settings…</span>
      <div aria-hidden className="h-8 w-64 animate-pulse rounded bg-slate-200" />
      <div aria-hidden className="h-4 w-96 max-w-full animate-pulse rounded bg-slate-200" />
      <div aria-hidden className="h-48 animate-pulse rounded-lg border border-slate-200 bg-white" />
    </div>
  );
}
