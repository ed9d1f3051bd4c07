/*
 * Company time zones (docs/product R38): IANA names as the runtime's Intl knows them.
 * Validation asks Intl itself, so any zone the formatter can render is accepted.
 */

export function isValidTimeZone(name: string): boolean {
  if (!name || name.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The zones offered in the picker, UTC first, always including the company's current zone. */
export function timeZoneOptions(current: string): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  const extra = [current].filter((z) => z !== "UTC" && !zones.includes(z));
  return ["UTC", ...extra, ...zones];
}

/** "Europe/Berlin" → "Europe"; used to group the picker's options. */
export function timeZoneRegion(name: string): string {
  const slash = name.indexOf("/");
  return slash === -1 ? "Other" : name.slice(0, slash);
}
