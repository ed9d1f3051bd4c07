import { formatDateTime, formatRelative } from "@/lib/format/date-time";

/* A time on an integration card: in the company's zone, with how long ago / until. */
export function When({ at, timeZone, now }: { at: Date; timeZone: string; now: Date }) {
  return (
    <>
      <time dateTime={at.toISOString()}>{formatDateTime(at, timeZone)}</time>
      <span className="text-slate-600"> · {formatRelative(at, now)}</span>
    </>
  );
}
