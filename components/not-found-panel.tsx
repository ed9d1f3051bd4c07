import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/*
 * What a 404 shows: in the console it sits inside the app shell (app/(admin)/not-found.tsx,
 * and app/not-found.tsx for a signed-in visitor on an unknown URL), so the navigation stays
 * and the one link leads back to a page the viewer can open.
 */
export function NotFoundPanel({ backHref, backLabel }: { backHref: string; backLabel: string }) {
  return (
    <div className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white p-8 text-center shadow-sm">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-1 text-xl font-semibold text-slate-900">Page not found</h1>
      <p className="mt-3 text-sm text-slate-700">
        There is nothing at this address. The link may be mistyped or out of date, or the page is not available for your company (a settings
        tab that is not enabled, a CRM Switchboard does not support, a notification of another company).
      </p>
      <div className="mt-6">
        <Link href={backHref} className={buttonClass("primary")}>
          {backLabel}
        </Link>
      </div>
    </div>
  );
}
