import { MESSAGE_STATUSES, NOTIFICATION_KINDS, type MessageStatus, type NotificationKind } from "@/db/schema";
import { type Provider, PROVIDERS } from "@/lib/integrations/providers";
import { safeTimeZone } from "@/lib/format/date-time";

/*
 * The delivery log's filters (docs/product R27) as they travel in the URL of a GET
 * form: type, CRM, status, recipient address and a date range in the
 * company's time zone, and whether email gallery previews are listed. Parsing never throws: a value that makes no sense is
 * dropped from the query and explained next to its field.
 */

export type LogFilters = {
  kind?: NotificationKind;
  provider?: Provider;
  status?: MessageStatus;
  recipient?: string; // lower-cased full address
  from?: string; // YYYY-MM-DD, company time zone, inclusive
  to?: string; // YYYY-MM-DD, inclusive
  previews?: "hide"; // leave out email gallery previews (listed, badged, by default)
};

/** What the query needs: the filters plus the date range as UTC instants [since, until). */
export type LogQuery = Omit<LogFilters, "from" | "to"> & { since?: Date; until?: Date };

export type FilterErrors = Partial<Record<keyof LogFilters, string>>;

export type ParsedFilters = { filters: LogFilters; query: LogQuery; errors: FilterErrors; raw: Record<keyof LogFilters, string> };

const FIELDS = ["kind", "provider", "status", "recipient", "from", "to", "previews"] as const;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

type Params = Record<string, string | string[] | undefined>;

function single(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

function oneOf<T extends string>(list: readonly T[], value: string): T | undefined {
  return (list as readonly string[]).includes(value) ? (value as T) : undefined;
}

function validDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** Milliseconds the zone is ahead of UTC at `instant`. */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant a calendar day starts in the zone (DST-aware: the offset is read at that instant). */
export function startOfDayIn(date: string, timeZone: string): Date {
  const zone = safeTimeZone(timeZone);
  const [y, m, d] = date.split("-").map(Number);
  const wall = Date.UTC(y, m - 1, d);
  const guess = wall - zoneOffsetMs(wall, zone);
  return new Date(wall - zoneOffsetMs(guess, zone));
}

function nextDay(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

export function parseLogFilters(params: Params, timeZone: string): ParsedFilters {
  const raw = Object.fromEntries(FIELDS.map((f) => [f, single(params[f])])) as Record<keyof LogFilters, string>;
  const filters: LogFilters = {};
  const errors: FilterErrors = {};

  const kind = oneOf(NOTIFICATION_KINDS, raw.kind);
  const provider = oneOf(PROVIDERS, raw.provider);
  const status = oneOf(MESSAGE_STATUSES, raw.status);
  if (kind) filters.kind = kind;
  else if (raw.kind) errors.kind = "Choose a type from the list.";
  if (provider) filters.provider = provider;
  else if (raw.provider) errors.provider = "Choose a CRM from the list.";
  if (status) filters.status = status;
  else if (raw.status) errors.status = "Choose a status from the list.";
  if (raw.previews === "hide") filters.previews = "hide";
  else if (raw.previews) errors.previews = "Choose whether previews are listed.";
  if (raw.recipient) {
    const address = raw.recipient.toLowerCase();
    if (address.length > 254 || !/^[^\s@]+@[^\s@]+$/.test(address)) {
      errors.recipient = "Enter a full email address, like name@example.com.";
    } else filters.recipient = address;
  }
  for (const key of ["from", "to"] as const) {
    if (!raw[key]) continue;
    if (validDate(raw[key])) filters[key] = raw[key];
    else errors[key] = "Enter a date as YYYY-MM-DD.";
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    errors.to = "The end date is before the start date.";
    delete filters.to;
  }

  const { from, to, ...rest } = filters;
  const query: LogQuery = {
    ...rest,
    ...(from ? { since: startOfDayIn(from, timeZone) } : {}),
    ...(to ? { until: startOfDayIn(nextDay(to), timeZone) } : {}),
  };
  return { filters, query, errors, raw };
}

/** The filters as URL search params (empty ones left out), plus any extra params such as the cursor. */
export function filtersSearch(filters: LogFilters, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const f of FIELDS) if (filters[f]) params.set(f, filters[f]!);
  for (const [k, v] of Object.entries(extra)) if (v) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : "";
}

export function hasFilters(filters: LogFilters): boolean {
  return FIELDS.some((f) => filters[f]);
}
