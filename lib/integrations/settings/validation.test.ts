import { describe, expect, it } from "vitest";
import { defaultSettings, resolveSettings, withDispositionFromCrm, type IntegrationSettings } from "./schema";
import { describeIssue, validateSettings } from "./validation";
import { diffSettings } from "./diff";

const on = { filters: true };
const off = { filters: false };

function validate(input: unknown, provider: "hubspot" | "salesforce" | "zoho" = "hubspot", features = on) {
  return validateSettings({ provider, features, input, current: defaultSettings(provider) });
}

function edit(provider: "hubspot" | "salesforce" | "zoho", change: (s: IntegrationSettings) => void) {
  const s = structuredClone(defaultSettings(provider));
  change(s);
  return s;
}

describe("defaults", () => {
  it("match docs/product §3.1", () => {
    const s = defaultSettings("salesforce");
    expect(s.sync).toMatchObject({
      contactCreation: "inbound",
      contactUpdate: "bidirectional",
      objects: "contacts",
      priority: "contact",
      syncUsersByEmail: true,
      neverOverwrite: true,
      zohoViews: [],
    });
    expect(s.filters.conditions).toEqual([]);
    expect(s.communication).toEqual({
      logCalls: true,
      logSms: true,
      logVoicemails: true,
      logRecordingLinks: true,
      missedCallTask: false,
      dispositionDirection: "crm_to_app",
    });
    expect(s.mapping.rows.map((r) => r.appField)).toEqual([
      "email",
      "phone",
      "first_name",
      "last_name",
      "company",
      "last_call_disposition",
    ]);
    expect(s.mapping.rows[0]).toMatchObject({ crmProperty: "Email", crmType: "email", direction: "bidirectional" });
  });

  it("validate cleanly for every provider", () => {
    for (const p of ["hubspot", "salesforce", "zoho"] as const) expect(validate(defaultSettings(p), p).ok).toBe(true);
  });
});

describe("filters", () => {
  it("refuse an empty value where the operator needs one, naming tab and field", () => {
    const r = validate(
      edit("hubspot", (s) => void s.filters.conditions.push({ property: "lifecyclestage", operator: "equals", value: " " })),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toMatchObject({ tab: "filters", key: "filters.conditions.0.value", field: "Condition 1 › Value" });
    expect(describeIssue(r.issues[0])).toMatch(/^Filters › Condition 1 › Value: Enter a value/);
  });

  it("accept is empty without a value and normalize lists", () => {
    const r = validate(
      edit("hubspot", (s) => {
        s.filters.conditions.push({ property: "email", operator: "is_empty", value: "x" });
        s.filters.conditions.push({ property: "LifecycleStage", operator: "in_list", value: " lead,, customer ," });
      }),
    );
    expect(r.ok && r.settings.filters.conditions).toEqual([
      { property: "email", operator: "is_empty", value: "" },
      { property: "lifecyclestage", operator: "in_list", value: "lead, customer" },
    ]);
  });

  it("refuse a list of blanks and unknown properties", () => {
    const r = validate(edit("hubspot", (s) => void s.filters.conditions.push({ property: "nope", operator: "in_list", value: " , " })));
    expect(!r.ok && r.issues.map((i) => i.key)).toEqual(["filters.conditions.0.property", "filters.conditions.0.value"]);
  });

  it("are ignored when the company has no filters feature", () => {
    const current = edit("hubspot", (s) => void s.filters.conditions.push({ property: "email", operator: "is_not_empty", value: "" }));
    const posted = edit("hubspot", (s) => void s.filters.conditions.push({ property: "x", operator: "equals", value: "" }));
    const r = validateSettings({ provider: "hubspot", features: off, input: posted, current });
    expect(r.ok && r.settings.filters).toEqual(current.filters);
  });
});

describe("mapping", () => {
  it("refuse a CRM property mapped twice", () => {
    const r = validate(
      edit(
        "hubspot",
        (s) =>
          void s.mapping.rows.push({
            appField: "job_title",
            crmProperty: "FirstName",
            crmType: "text",
            customProperty: false,
            direction: "app_to_crm",
          }),
      ),
    );
    expect(!r.ok && r.issues[0]).toMatchObject({ key: "mapping.rows.6.crmProperty", field: "Row 7 (Job title) › CRM property" });
    expect(!r.ok && r.issues[0].message).toMatch(/already mapped in row 3/);
  });

  it("refuse removing or changing the locked email row", () => {
    const removed = validate(edit("hubspot", (s) => void s.mapping.rows.splice(0, 1)));
    expect(!removed.ok && removed.issues.some((i) => i.key === "mapping.rows" && /Email row can't be removed/.test(i.message))).toBe(true);
    const oneWay = validate(edit("hubspot", (s) => void (s.mapping.rows[0].direction = "crm_to_app")));
    expect(!oneWay.ok && oneWay.issues[0].key).toBe("mapping.rows.0.direction");
  });

  it("check type compatibility in each direction values flow", () => {
    const row = (direction: "bidirectional" | "app_to_crm" | "crm_to_app") =>
      edit(
        "hubspot",
        (s) =>
          void s.mapping.rows.push({ appField: "lead_status", crmProperty: "jobtitle", crmType: "text", customProperty: false, direction }),
      );
    expect(validate(row("app_to_crm")).ok).toBe(true); // text ← picklist
    const both = validate(row("bidirectional"));
    expect(!both.ok && both.issues[0].message).toMatch(/Lead status \(picklist\) can't receive values from jobtitle \(text\)/);
    const bool = validate(
      edit(
        "hubspot",
        (s) =>
          void s.mapping.rows.push({
            appField: "do_not_call",
            crmProperty: "firstname_x",
            crmType: "datetime",
            customProperty: true,
            direction: "app_to_crm",
          }),
      ),
    );
    expect(!bool.ok && bool.issues[0].key).toBe("mapping.rows.6.crmProperty");
  });

  it("accept a custom property by API name and refuse a malformed one", () => {
    const ok = validate(
      edit(
        "salesforce",
        (s) =>
          void s.mapping.rows.push({
            appField: "next_follow_up",
            crmProperty: "Callback_At__c",
            crmType: "datetime",
            customProperty: true,
            direction: "bidirectional",
          }),
      ),
      "salesforce",
    );
    expect(ok.ok).toBe(true);
    const bad = validate(
      edit(
        "hubspot",
        (s) =>
          void s.mapping.rows.push({
            appField: "job_title",
            crmProperty: "Job Title",
            crmType: "text",
            customProperty: true,
            direction: "app_to_crm",
          }),
      ),
    );
    expect(!bad.ok && bad.issues[0].message).toMatch(/isn't a valid HubSpot API name/);
  });

  it("refuse dispositions synced Switchboard → CRM alone, also in the Communication tab", () => {
    const row = validate(edit("hubspot", (s) => void (s.mapping.rows[5].direction = "app_to_crm")));
    expect(!row.ok && row.issues[0]).toMatchObject({ key: "mapping.rows.5.direction" });
    const comm = validate(
      edit("hubspot", (s) => void ((s.communication as { dispositionDirection: string }).dispositionDirection = "app_to_crm")),
    );
    expect(!comm.ok && comm.issues[0]).toMatchObject({ key: "communication.dispositionDirection", field: "Disposition sync direction" });
    expect(!comm.ok && comm.issues[0].message).toMatch(/can't sync from Switchboard to the CRM alone/);
  });

  it("refuse two CRM sources for one Switchboard field", () => {
    const r = validate(
      edit(
        "hubspot",
        (s) =>
          void s.mapping.rows.push({
            appField: "phone",
            crmProperty: "mobilephone",
            crmType: "phone",
            customProperty: false,
            direction: "bidirectional",
          }),
      ),
    );
    expect(!r.ok && r.issues[0]).toMatchObject({ key: "mapping.rows.6.direction" });
    const push = validate(
      edit(
        "hubspot",
        (s) =>
          void s.mapping.rows.push({
            appField: "phone",
            crmProperty: "mobilephone",
            crmType: "phone",
            customProperty: false,
            direction: "app_to_crm",
          }),
      ),
    );
    expect(push.ok).toBe(true);
  });
});

describe("sync", () => {
  it("allow leads only for Salesforce and views only for Zoho", () => {
    expect(
      validate(
        edit("salesforce", (s) => void (s.sync.objects = "both")),
        "salesforce",
      ).ok,
    ).toBe(true);
    expect(validate(edit("hubspot", (s) => void (s.sync.objects = "leads"))).ok).toBe(false);
    const view = { id: "4150868000000087501", name: "Hot leads" };
    expect(
      validate(
        edit("zoho", (s) => void s.sync.zohoViews.push(view)),
        "zoho",
      ).ok,
    ).toBe(true);
    expect(validate(edit("hubspot", (s) => void s.sync.zohoViews.push(view))).ok).toBe(false);
    const dup = validate(
      edit("zoho", (s) => void s.sync.zohoViews.push(view, { ...view, name: "Again" })),
      "zoho",
    );
    expect(!dup.ok && dup.issues[0]).toMatchObject({ key: "sync.zohoViews.1.id", field: "View 2 › View id" });
  });

  it("report every tab's problems in one go, in tab order", () => {
    const r = validate(
      edit("zoho", (s) => {
        s.sync.zohoViews.push({ id: "", name: "" });
        s.filters.conditions.push({ property: "Email", operator: "equals", value: "" });
        s.mapping.rows.splice(0, 1);
      }),
      "zoho",
    );
    expect(!r.ok && r.issues.map((i) => i.key)).toEqual([
      "sync.zohoViews.0.id",
      "sync.zohoViews.0.name",
      "filters.conditions.0.value",
      "mapping.rows",
    ]);
  });

  it("name a malformed posted value without throwing", () => {
    const r = validate({ sync: { contactCreation: "sideways" } });
    expect(!r.ok && r.issues[0]).toMatchObject({ tab: "sync", key: "sync.contactCreation", field: "Contact creation" });
    expect(validate(null).ok).toBe(false);
  });
});

describe("stored settings", () => {
  it("fall back per tab and bring back the required rows", () => {
    const s = resolveSettings("hubspot", { sync: { contactCreation: "bidirectional" }, communication: "garbage", mapping: { rows: [] } });
    expect(s.sync.contactCreation).toBe("bidirectional");
    expect(s.communication).toEqual(defaultSettings("hubspot").communication);
    expect(s.mapping.rows).toHaveLength(6);
  });

  it("reset the disposition direction to the CRM after a reconnect (R13)", () => {
    const stored = edit("hubspot", (s) => void (s.communication.dispositionDirection = "bidirectional"));
    const s = withDispositionFromCrm("hubspot", stored);
    expect(s.communication.dispositionDirection).toBe("crm_to_app");
    expect(s.mapping.rows[5].direction).toBe("crm_to_app");
  });

  it("diff only what changed", () => {
    const after = edit("hubspot", (s) => void (s.sync.contactCreation = "bidirectional"));
    expect(diffSettings(defaultSettings("hubspot"), after)).toEqual({
      paths: ["sync.contactCreation"],
      before: { "sync.contactCreation": "inbound" },
      after: { "sync.contactCreation": "bidirectional" },
    });
  });
});
