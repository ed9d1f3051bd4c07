import { safeTimeZone } from "@/lib/notifications/format-time";

/* A moment in the company's time zone (SPEC R38), with the exact UTC instant on hover. */
export function LocalTime({ at, timeZone, seconds = false }: { at: Date; timeZone: string; seconds?: boolean }) {
  const text = new Intl.DateTimeFormat("en-US", {
    timeZone: safeTimeZone(timeZone),
    month: "short",
    day: "numeric",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
    ...(seconds ? { second: "2-digit" as const } : {}),
    timeZoneName: "short",
  })
    .format(at)
    .replace(/[\u202f\u00a0]/g, " ");
  return (
    <time dateTime={at.toISOString()} title={at.toISOString()} className="whitespace-nowrap">
      {text}
    </time>
  );
}
