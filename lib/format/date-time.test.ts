import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatDuration,
  formatLocalDateTime,
  formatRelative,
  formatShortDateTime,
  safeTimeZone,
} from "./date-time";

const NY = "America/New_York";

describe("formatDateTime", () => {
  it("shows the company zone with UTC beside it", () => {
    expect(formatDateTime("2026-11-30T14:00:00Z", NY)).toBe("Nov 30, 2026, 9:00 AM EST (14:00 UTC)");
  });

  it("follows daylight saving time", () => {
    expect(formatDateTime("2026-07-01T14:00:00Z", NY)).toBe("Jul 1, 2026, 10:00 AM EDT (14:00 UTC)");
  });

  it("dates the UTC side when it falls on another day", () => {
    expect(formatDateTime("2026-12-01T02:30:00Z", NY)).toBe("Nov 30, 2026, 9:30 PM EST (Dec 1, 02:30 UTC)");
  });

  it("names zones without an abbreviation by offset", () => {
    expect(formatDateTime("2026-11-30T14:00:00Z", "Europe/Berlin")).toBe("Nov 30, 2026, 3:00 PM GMT+1 (14:00 UTC)");
  });

  it("does not repeat the time for UTC companies", () => {
    expect(formatDateTime("2026-11-30T14:00:00Z", "UTC")).toBe("Nov 30, 2026, 14:00 UTC");
  });

  it("falls back to UTC for an unknown zone instead of throwing", () => {
    expect(safeTimeZone("Mars/Olympus_Mons")).toBe("UTC");
    expect(formatDateTime("2026-11-30T14:00:00Z", "Mars/Olympus_Mons")).toBe("Nov 30, 2026, 14:00 UTC");
  });

  it("returns an unparseable value as given rather than Invalid Date", () => {
    expect(formatDateTime("not a date", NY)).toBe("not a date");
  });

  it("uses only plain spaces, safe in subject lines", () => {
    expect(formatDateTime("2026-11-30T14:00:00Z", NY)).not.toMatch(/[\u202f\u00a0]/);
  });
});

describe("formatShortDateTime", () => {
  it("drops the year and UTC for subjects", () => {
    expect(formatShortDateTime("2026-11-30T14:00:00Z", NY)).toBe("Nov 30, 9:00 AM EST");
  });
});

describe("formatRelative", () => {
  const now = "2026-11-27T10:00:00Z";
  it("speaks in days beyond two days", () => {
    expect(formatRelative("2026-11-30T10:00:00Z", now)).toBe("in 3 days");
  });
  it("speaks in hours within two days", () => {
    expect(formatRelative("2026-11-28T10:00:00Z", now)).toBe("in 24 hours");
  });
  it("handles the past", () => {
    expect(formatRelative("2026-11-27T08:00:00Z", now)).toBe("2 hours ago");
  });
});

describe("formatDuration", () => {
  it("gives the two largest units", () => {
    expect(formatDuration("2026-11-27T13:52:10Z", "2026-11-27T13:59:48Z")).toBe("7 minutes 38 seconds");
    expect(formatDuration("2026-11-27T10:00:00Z", "2026-11-29T13:05:00Z")).toBe("2 days 3 hours");
  });
  it("skips a zero second unit and handles zero", () => {
    expect(formatDuration("2026-11-27T10:00:00Z", "2026-11-27T11:00:30Z")).toBe("1 hour");
    expect(formatDuration("2026-11-27T10:00:00Z", "2026-11-27T10:00:00Z")).toBe("0 seconds");
  });
});

describe("formatLocalDateTime (pages: tables and lists)", () => {
  it("shows the company zone alone, with plain spaces", () => {
    expect(formatLocalDateTime(new Date("2026-11-30T14:00:00Z"), NY)).toBe("Nov 30, 2026, 9:00 AM EST");
    expect(formatLocalDateTime("2026-07-01T14:00:05Z", NY, { seconds: true })).toBe("Jul 1, 2026, 10:00:05 AM EDT");
  });
  it("falls back to UTC for an unknown zone", () => {
    expect(formatLocalDateTime(new Date("2026-11-30T14:00:00Z"), "Mars/Olympus")).toBe("Nov 30, 2026, 2:00 PM UTC");
  });
});

describe("formatDate", () => {
  it("gives the calendar day in the zone", () => {
    expect(formatDate(new Date("2026-12-01T02:30:00Z"), NY)).toBe("Nov 30, 2026");
    expect(formatDate(new Date("2026-12-01T02:30:00Z"), "UTC")).toBe("Dec 1, 2026");
  });
});

describe("a Date and its ISO string format alike", () => {
  const at = new Date("2026-11-30T14:00:00Z");
  it("in every format", () => {
    expect(formatDateTime(at, NY)).toBe(formatDateTime(at.toISOString(), NY));
    expect(formatShortDateTime(at, NY)).toBe(formatShortDateTime(at.toISOString(), NY));
    expect(formatRelative(at, new Date("2026-11-30T12:00:00Z"))).toBe("in 2 hours");
  });
  it('an invalid Date gives an empty string, never "Invalid Date"', () => {
    expect(formatLocalDateTime(new Date(Number.NaN), NY)).toBe("");
  });
});
