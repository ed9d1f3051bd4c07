import Link from "next/link";

/* "Newer / Older" for keyset-paginated lists; "Newest" returns to the first page. */
export function Pager({ basePath, next, isFirst }: { basePath: string; next: string | null; isFirst: boolean }) {
  if (!next && isFirst) return null;
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between border-t border-slate-200 px-5 py-3 text-sm">
      {isFirst ? (
        <span />
      ) : (
        <Link href={basePath} className="font-medium text-brand-700 hover:underline">
          ← Newest
        </Link>
      )}
      {next ? (
        <Link href={`${basePath}?before=${encodeURIComponent(next)}`} className="font-medium text-brand-700 hover:underline">
          Older →
        </Link>
      ) : (
        <span className="text-slate-600">No older entries</span>
      )}
    </nav>
  );
}
