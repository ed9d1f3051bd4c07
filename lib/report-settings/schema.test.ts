import { describe, expect, it } from "vitest";
import { parseReportSettingsForm } from "./schema";
import { diffSnapshots, changesFromAudit, type ReportSettingsSnapshot } from "./changes";

const DEFAULT_BCC = "escalations@switchboard.local";

function form(fields: Record<string, string | string[] | undefined>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v]) fd.append(k, item);
  }
  return fd;
}

const valid = {
  roles: ["company_admin", "billing_admin"],
  additionalUserIds: ["usr_acme_agent"],
  escalationBcc: "ops@acme.test",
  syncReportMode: "failures_only",
  mappingDigestMinutes: "30",
  timeZone: "Europe/London",
};

describe("parseReportSettingsForm", () => {
  it("accepts a complete form", () => {
    const r = parseReportSettingsForm(form(valid), DEFAULT_BCC);
    expect(r).toEqual({
      success: true,
      data: {
        roles: ["company_admin", "billing_admin"],
        additionalUserIds: ["usr_acme_agent"],
        escalationBcc: "ops@acme.test",
        syncReportMode: "failures_only",
        mappingDigestMinutes: 30,
        timeZone: "Europe/London",
      },
    });
  });

  it("treats an empty BCC, or the default typed in, as no override", () => {
    for (const escalationBcc of ["", "  ", "Escalations@Switchboard.local"]) {
      const r = parseReportSettingsForm(form({ ...valid, escalationBcc }), DEFAULT_BCC);
      expect(r.success && r.data.escalationBcc).toBeNull();
    }
  });

  it("allows no roles and no additional recipients", () => {
    const r = parseReportSettingsForm(form({ ...valid, roles: undefined, additionalUserIds: undefined }), DEFAULT_BCC);
    expect(r.success && r.data.roles).toEqual([]);
    expect(r.success && r.data.additionalUserIds).toEqual([]);
  });

  it.each([
    ["escalationBcc", "not-an-email", /valid email/],
    ["mappingDigestMinutes", "-5", /negative/],
    ["mappingDigestMinutes", "abc", /whole number/],
    ["mappingDigestMinutes", "1.5", /whole number/],
    ["mappingDigestMinutes", "", /whole number/],
    ["mappingDigestMinutes", "1441", /at most 1440/],
    ["syncReportMode", "sometimes", /data-sync/],
    ["timeZone", "Mars/Olympus", /time zone/],
    ["roles", "agent", /roles/],
  ])("rejects %s = %j with a message for that field", (field, value, message) => {
    const r = parseReportSettingsForm(form({ ...valid, [field]: value }), DEFAULT_BCC);
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(Object.keys(r.fieldErrors)).toEqual([field]);
      expect(r.fieldErrors[field as keyof typeof r.fieldErrors]).toMatch(message);
    }
  });

  it("accepts the digest window's bounds", () => {
    for (const m of ["0", "1440"])
      expect(parseReportSettingsForm(form({ ...valid, mappingDigestMinutes: m }), DEFAULT_BCC).success).toBe(true);
  });

  it("reports missing fields instead of defaulting them", () => {
    const r = parseReportSettingsForm(form({ roles: ["company_admin"] }), DEFAULT_BCC);
    expect(r.success).toBe(false);
    if (!r.success)
      expect(Object.keys(r.fieldErrors).sort()).toEqual(["escalationBcc", "mappingDigestMinutes", "syncReportMode", "timeZone"]);
  });
});

describe("diffSnapshots", () => {
  const before: ReportSettingsSnapshot = {
    roles: ["company_admin"],
    additionalRecipients: [],
    escalationBcc: null,
    syncReportMode: "always",
    mappingDigestMinutes: 15,
    timeZone: "America/New_York",
  };

  it("lists each changed field as a readable before → after", () => {
    const after: ReportSettingsSnapshot = {
      roles: ["company_admin", "billing_admin"],
      additionalRecipients: [{ id: "u1", name: "Aggie Agent", email: "agent@acme.test" }],
      escalationBcc: "ops@acme.test",
      syncReportMode: "failures_only",
      mappingDigestMinutes: 0,
      timeZone: "Europe/London",
    };
    expect(diffSnapshots(before, after, DEFAULT_BCC)).toEqual([
      { field: "roles", label: "Roles", before: "Company admins", after: "Company admins, Billing admins" },
      { field: "additionalRecipients", label: "Additional recipients", before: "None", after: "Aggie Agent (agent@acme.test)" },
      { field: "escalationBcc", label: "Escalation BCC", before: `Default (${DEFAULT_BCC})`, after: "ops@acme.test" },
      { field: "syncReportMode", label: "Data-sync reports", before: "Always", after: "Only with failures" },
      { field: "mappingDigestMinutes", label: "Mapping errors digest", before: "15 minutes", after: "Immediately" },
      { field: "timeZone", label: "Time zone", before: "America/New_York", after: "Europe/London" },
    ]);
  });

  it("ignores order-only differences", () => {
    const a = { ...before, roles: ["company_admin", "billing_admin"] } as ReportSettingsSnapshot;
    const b = { ...before, roles: ["billing_admin", "company_admin"] } as ReportSettingsSnapshot;
    expect(diffSnapshots(a, b, DEFAULT_BCC)).toEqual([]);
  });

  it("returns null for audit rows of another shape", () => {
    expect(changesFromAudit({ something: 1 }, before, DEFAULT_BCC)).toBeNull();
    expect(changesFromAudit(before, before, DEFAULT_BCC)).toEqual([]);
  });
});
