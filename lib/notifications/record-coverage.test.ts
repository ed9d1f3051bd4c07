import { describe, expect, it } from "vitest";
import { coverageOf, partialDetailSentence, recordNouns, recordsLinkText, reportedFailures } from "./record-coverage";

const contacts = { singular: "contact", plural: "contacts" };
const records = { singular: "record", plural: "records" };

describe("record coverage", () => {
  it("keeps listed ≤ detailed ≤ reported whatever a worker sent", () => {
    expect(coverageOf(250, 5, 5)).toEqual({ reported: 250, detailed: 5, listed: 5 });
    expect(coverageOf(1, 3, 25)).toEqual({ reported: 3, detailed: 3, listed: 3 });
    expect(coverageOf(16, 0, 0)).toEqual({ reported: 16, detailed: 0, listed: 0 });
  });

  it("says what the CRM reported and what it detailed, in the same words for the email and the page", () => {
    const c = coverageOf(250, 5, 5);
    expect(partialDetailSentence(c, "HubSpot", contacts, "email")).toBe("HubSpot reported 250 failed contacts; details for 5 are below.");
    expect(partialDetailSentence(c, "HubSpot", contacts, "page")).toBe("HubSpot reported 250 failed contacts; details for 5 are below.");
    expect(partialDetailSentence(coverageOf(16, 1, 1), "Salesforce", records, "email")).toBe(
      "Salesforce reported 16 failed records; details for 1 are below.",
    );
  });

  it("names where the detailed records are when the email lists only the first of them", () => {
    const c = coverageOf(600, 60, 25);
    expect(partialDetailSentence(c, "HubSpot", contacts, "email")).toBe(
      "HubSpot reported 600 failed contacts; details for 60 are in Switchboard, the first 25 below.",
    );
    expect(partialDetailSentence(c, "HubSpot", contacts, "page")).toBe("HubSpot reported 600 failed contacts; details for 60 are below.");
  });

  it("says nothing when every reported record is detailed, and says so when none is", () => {
    expect(partialDetailSentence(coverageOf(2000, 2000, 25), "HubSpot", contacts, "email")).toBe("");
    expect(partialDetailSentence(coverageOf(16, 0, 0), "Salesforce", records, "email")).toBe(
      "Salesforce reported 16 failed records without details, so none can be listed.",
    );
  });

  it("labels a link to the records page with the rows it really has", () => {
    expect(recordsLinkText(coverageOf(250, 5, 5), contacts)).toBe("the 5 contacts with details");
    expect(recordsLinkText(coverageOf(2000, 2000, 25), contacts)).toBe("all 2,000 contacts");
    expect(recordsLinkText(coverageOf(1, 1, 1), contacts)).toBe("the affected contact");
    expect(recordsLinkText(coverageOf(16, 1, 1), records)).toBe("the 1 record with details");
  });

  it("reads the reported count and the noun from stored props", () => {
    expect(reportedFailures("mapping_errors", { totalRecords: 250 })).toBe(250);
    expect(reportedFailures("sync_report", { counts: { failed: 16 } })).toBe(16);
    expect(reportedFailures("sync_report", {})).toBeUndefined();
    expect(reportedFailures("reauth_required", { totalRecords: 3 })).toBeUndefined();
    expect(recordNouns("mapping_errors", { object: "lead" })).toEqual({ singular: "lead", plural: "leads" });
    expect(recordNouns("sync_report", { operation: "users.sync" })).toEqual({ singular: "user", plural: "users" });
    expect(recordNouns("sync_report", { operation: "contacts.push" })).toEqual(records);
  });
});
