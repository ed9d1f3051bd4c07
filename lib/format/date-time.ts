/*
 * Every time Switchboard shows, on pages and in emails, in the company's time
 * zone (docs/product R38). Emails put UTC beside it ("Nov 30, 2026, 9:00 AM EST
 * (14:00 UTC)"), subject lines and tight spots drop the year, tables and
 * lists show the zone alone. Intl only, locale fixed to en-US, so a page or
 * a rendered email never depends on the machine that produced it.
 */

const LOCALE = "en-US";

/** Narrow and regular no-break spaces (newer ICU puts one before AM/PM) become plain spaces: safe in subjects. */
function plainSpaces(value: string): string {
  return value.replace(/[\u202f\u00a0]/g, " ");
}

/** A stored Date, or an ISO-8601 string as email props carry it. */
export type Instant = Date | string;

function toDate(at: Instant): Date | null {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? null : date;
}

const unparsed = (at: Instant) => (typeof at === "string" ? at : "");

/*
 * Building an Intl formatter costs far more than using one, and an email
 * formats a dozen times in the same zone: formatters are kept per options.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(LOCALE, options);
    if (formatters.size >= 500) formatters.clear(); // zones come from company settings: a small set
    formatters.set(key, found);
  }
  return found;
}

const checkedZones = new Map<string, string>();

/** A bad or unknown zone must not stop an alert from rendering: fall back to UTC. */
export function safeTimeZone(timeZone: string): string {
  let safe = checkedZones.get(timeZone);
  if (safe === undefined) {
    try {
      formatter({ timeZone }).format(0);
      safe = timeZone;
    } catch {
      safe = "UTC";
    }
    if (checkedZones.size >= 500) checkedZones.clear();
    checkedZones.set(timeZone, safe);
  }
  return safe;
}

function parts(date: Date, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of formatter(options).formatToParts(date)) {
    out[part.type] = plainSpaces(part.value);
  }
  return out;
}

function zoned(date: Date, timeZone: string) {
  return parts(date, {
    timeZone,
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    hour12: true,
    timeZoneName: "short",
  });
}

function utc(date: Date) {
  return parts(date, {
    timeZone: "UTC",
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
}

/**
 * "Nov 30, 2026, 9:00 AM EST (14:00 UTC)"; when the UTC calendar day differs
 * from the local one the UTC side carries its date: "(Dec 1, 02:00 UTC)".
 * An unparseable value is returned as given rather than "Invalid Date".
 */
export function formatDateTime(at: Instant, timeZone: string): string {
  const date = toDate(at);
  if (!date) return unparsed(at);
  const tz = safeTimeZone(timeZone);
  const z = zoned(date, tz);
  const u = utc(date);
  const local = `${z.month} ${z.day}, ${z.year}, ${z.hour}:${z.minute} ${z.dayPeriod} ${z.timeZoneName}`;
  if (tz === "UTC") return `${u.month} ${u.day}, ${u.year}, ${u.hour}:${u.minute} UTC`;
  const sameDay = z.year === u.year && z.month === u.month && z.day === u.day;
  const utcSide = sameDay ? `${u.hour}:${u.minute} UTC` : `${u.month} ${u.day}, ${u.hour}:${u.minute} UTC`;
  return `${local} (${utcSide})`;
}

/** Compact form for subject lines: "Nov 30, 9:00 AM EST" (no year, no UTC). */
export function formatShortDateTime(at: Instant, timeZone: string): string {
  const date = toDate(at);
  if (!date) return unparsed(at);
  const z = zoned(date, safeTimeZone(timeZone));
  return `${z.month} ${z.day}, ${z.hour}:${z.minute} ${z.dayPeriod} ${z.timeZoneName}`;
}

/** The zone alone, for tables and lists: "Nov 30, 2026, 9:00 AM EST", or "…, 9:00:05 AM EST" with seconds. */
export function formatLocalDateTime(at: Instant, timeZone: string, { seconds = false }: { seconds?: boolean } = {}): string {
  const date = toDate(at);
  if (!date) return unparsed(at);
  return plainSpaces(
    formatter({
      timeZone: safeTimeZone(timeZone),
      month: "short",
      day: "numeric",
      year: "numeric",
      hour: "numeric",
      minute: "2-digit",
      ...(seconds ? { second: "2-digit" as const } : {}),
      timeZoneName: "short",
    }).format(date),
  );
}

/** The calendar day in the zone: "Nov 30, 2026". */
export function formatDate(at: Instant, timeZone: string): string {
  const date = toDate(at);
  if (!date) return unparsed(at);
  return formatter({ timeZone: safeTimeZone(timeZone), month: "short", day: "numeric", year: "numeric" }).format(date);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** "in 3 days", "in 24 hours", "2 hours ago", relative to `now`. Rounds to the largest whole unit. */
export function formatRelative(at: Instant, now: Instant): string {
  const target = toDate(at);
  const nowDate = toDate(now);
  if (!target || !nowDate) return "";
  const diff = target.getTime() - nowDate.getTime();
  const rtf = new Intl.RelativeTimeFormat(LOCALE, { numeric: "auto" });
  const abs = Math.abs(diff);
  // Up to 48 h reads better in hours ("in 24 hours") than as "tomorrow".
  for (const [unit, ms] of UNITS) {
    if (unit === "day" && abs < 2 * 86_400_000) continue;
    if (abs >= ms) return rtf.format(Math.round(diff / ms), unit);
  }
  return rtf.format(Math.round(diff / 1000), "second");
}

const unitFormats = new Map<string, Intl.NumberFormat>();

function unit(value: number, name: "day" | "hour" | "minute" | "second"): string {
  let format = unitFormats.get(name);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, { style: "unit", unit: name, unitDisplay: "long" });
    unitFormats.set(name, format);
  }
  return format.format(value);
}

/** Elapsed time between two instants, two units at most: "7 minutes 38 seconds", "2 days 3 hours". */
export function formatDuration(start: Instant, end: Instant): string {
  const from = toDate(start);
  const to = toDate(end);
  if (!from || !to) return "";
  let seconds = Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
  const values: [number, "day" | "hour" | "minute" | "second"][] = [];
  for (const [name, size] of [
    ["day", 86_400],
    ["hour", 3_600],
    ["minute", 60],
    ["second", 1],
  ] as const) {
    values.push([Math.floor(seconds / size), name]);
    seconds %= size;
  }
  // The largest non-zero unit and the one right below it, when that is non-zero.
  const first = values.findIndex(([value]) => value > 0);
  if (first === -1) return unit(0, "second");
  const pieces = [unit(values[first][0], values[first][1])];
  const next = values[first + 1];
  if (next && next[0] > 0) pieces.push(unit(next[0], next[1]));
  return pieces.join(" ");
}
