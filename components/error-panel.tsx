"use client";

import { Button, buttonClass } from "@/components/ui/button";
import { STORAGE_UNAVAILABLE_DIGEST, STORAGE_UNAVAILABLE_MESSAGE } from "@/lib/storage-errors";

export type ErrorBoundaryProps = { error: Error & { digest?: string }; reset: () => void; retry?: () => void };

/*
 * What the error boundaries (app/error.tsx, app/(admin)/error.tsx,
 * app/global-error.tsx) show for a page or server action that failed. In a
 * production build the browser gets no message, only the digest: a storage
 * failure carries a fixed one (db/storage-digest.ts), anything else Next's
 * hash, which is shown as a reference for the server log.
 */
export function ErrorPanel({ error, reset, retry }: ErrorBoundaryProps) {
  const storage = error.digest === STORAGE_UNAVAILABLE_DIGEST;
  return (
    <div role="alert" className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white p-8 text-center shadow-sm">
      <h1 className="text-xl font-semibold text-slate-900">{storage ? "The database is unavailable" : "Something went wrong"}</h1>
      <p className="mt-3 text-sm text-slate-700">
        {storage
          ? STORAGE_UNAVAILABLE_MESSAGE
          : "Switchboard couldn't finish this request. If you were saving something, check whether it was saved before you try again."}
      </p>
      {!storage && error.digest && (
        <p className="mt-2 text-xs text-slate-500">
          Reference for your administrator: <code>{error.digest}</code>
        </p>
      )}
      <div className="mt-6">
        {/* retry also re-fetches the page from the server; reset alone would only re-render what failed */}
        <Button onClick={() => (retry ?? reset)()}>Try again</Button>
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full load, not the client router: after an error the router may be what failed */}
        <a href="/" className={buttonClass("secondary", "ml-3")}>
          Back to Switchboard
        </a>
      </div>
    </div>
  );
}
