import { formatDateTime, formatRelative } from "@/lib/notifications/format-time";

/* A time on an integration card: in the company's zone, with how long ago / until. */
export function When({ at, timeZone, now }: { at: Date; timeZone: string; now: Date }) {
  const iso = at.toISOString();
  return (
    <>
      <time dateTime={iso}>{formatDateTime(iso, timeZone)}</time>
      <span className="text-slate-600"> · {formatRelative(iso, now.toISOString())}</span>
    </>
  );
}
