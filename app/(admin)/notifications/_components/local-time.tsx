import { formatLocalDateTime } from "@/lib/format/date-time";

/* A moment in the company's time zone (docs/product R38), with the exact UTC instant on hover. */
export function LocalTime({ at, timeZone, seconds = false }: { at: Date; timeZone: string; seconds?: boolean }) {
  return (
    <time dateTime={at.toISOString()} title={at.toISOString()} className="whitespace-nowrap">
      {formatLocalDateTime(at, timeZone, { seconds })}
    </time>
  );
}
