import { describe, expect, it } from "vitest";
import { filtersSearch, hasFilters, parseLogFilters, startOfDayIn } from "./delivery-log-filters";

describe("delivery log filters", () => {
  it("keeps valid filters, lower-cases the recipient and turns dates into the company's day bounds", () => {
    const { filters, query, errors } = parseLogFilters(
      {
        kind: "mapping_errors",
        provider: "hubspot",
        status: "failed",
        recipient: "  Admin@Acme.test ",
        from: "2026-03-07",
        to: "2026-03-08",
      },
      "America/New_York",
    );
    expect(errors).toEqual({});
    expect(filters).toEqual({
      kind: "mapping_errors",
      provider: "hubspot",
      status: "failed",
      recipient: "admin@acme.test",
      from: "2026-03-07",
      to: "2026-03-08",
    });
    // 2026-03-08 is the DST switch in New York: the day ends at 04:00Z, not 05:00Z
    expect(query).toEqual({
      kind: "mapping_errors",
      provider: "hubspot",
      status: "failed",
      recipient: "admin@acme.test",
      since: new Date("2026-03-07T05:00:00Z"),
      until: new Date("2026-03-09T04:00:00Z"),
    });
  });

  it("explains values that make no sense and leaves them out of the query", () => {
    const { filters, query, errors } = parseLogFilters(
      { kind: "nope", provider: "pipedrive", status: "lost", recipient: "admin", from: "2026-02-30", to: "yesterday" },
      "UTC",
    );
    expect(filters).toEqual({});
    expect(query).toEqual({});
    expect(Object.keys(errors).sort()).toEqual(["from", "kind", "provider", "recipient", "status", "to"]);
    expect(errors.recipient).toMatch(/full email address/);
    expect(errors.from).toMatch(/YYYY-MM-DD/);
  });

  it("an end before the start is refused", () => {
    const { filters, errors } = parseLogFilters({ from: "2026-05-02", to: "2026-05-01" }, "Europe/Berlin");
    expect(filters).toEqual({ from: "2026-05-02" });
    expect(errors.to).toBe("The end date is before the start date.");
  });

  it("takes the first of repeated params and writes filters back to a URL", () => {
    const { filters } = parseLogFilters({ provider: ["zoho", "hubspot"], status: "" }, "UTC");
    expect(filters).toEqual({ provider: "zoho" });
    expect(filtersSearch(filters, { before: "123.msg_x" })).toBe("?provider=zoho&before=123.msg_x");
    expect(filtersSearch({})).toBe("");
    expect(hasFilters({})).toBe(false);
    expect(hasFilters(filters)).toBe(true);
  });

  it("can leave email gallery previews out, in the URL like every filter", () => {
    const hidden = parseLogFilters({ previews: "hide", kind: "sync_report" }, "UTC");
    expect(hidden.query).toEqual({ kind: "sync_report", previews: "hide" });
    expect(filtersSearch(hidden.filters)).toBe("?kind=sync_report&previews=hide");
    const odd = parseLogFilters({ previews: "only-some" }, "UTC");
    expect(odd.query).toEqual({});
    expect(odd.errors.previews).toBe("Choose whether previews are listed.");
  });

  it("finds the start of a day in zones ahead of and behind UTC", () => {
    expect(startOfDayIn("2026-07-01", "Europe/Berlin")).toEqual(new Date("2026-06-30T22:00:00Z"));
    expect(startOfDayIn("2026-01-15", "America/Los_Angeles")).toEqual(new Date("2026-01-15T08:00:00Z"));
    expect(startOfDayIn("2026-01-15", "Asia/Kolkata")).toEqual(new Date("2026-01-14T18:30:00Z"));
    expect(startOfDayIn("2026-01-15", "Not/AZone")).toEqual(new Date("2026-01-15T00:00:00Z"));
  });
});
