import Link from "next/link";
import { filtersSearch, type LogFilters } from "@/lib/notifications/delivery-log-filters";

/* Keyset pagination of the delivery log that keeps the filters: "Newest" back to page one, "Older" onwards. */
export function LogPager({ path, filters, next, isFirst }: { path: string; filters: LogFilters; next: string | null; isFirst: boolean }) {
  if (!next && isFirst) return null;
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between border-t border-slate-200 px-5 py-3 text-sm">
      {isFirst ? (
        <span />
      ) : (
        <Link href={`${path}${filtersSearch(filters)}`} className="font-medium text-brand-700 hover:underline">
          ← Newest
        </Link>
      )}
      {next ? (
        <Link href={`${path}${filtersSearch(filters, { before: next })}`} className="font-medium text-brand-700 hover:underline">
          Older →
        </Link>
      ) : (
        <span className="text-slate-600">No older messages</span>
      )}
    </nav>
  );
}
