import { describe, expect, it } from "vitest";
import { API_NAME_RULES, APP_FIELDS, CRM_CATALOGUES, canReceive, incompatibility, sameApiName } from "./catalogue";

describe("compatibility (same type, or text ← email/phone/picklist)", () => {
  it("accepts the same type and widening into text only", () => {
    expect(canReceive("email", "email")).toBe(true);
    for (const from of ["email", "phone", "picklist"] as const) expect(canReceive("text", from)).toBe(true);
    expect(canReceive("picklist", "text")).toBe(false);
    expect(canReceive("text", "boolean")).toBe(false);
    expect(canReceive("datetime", "text")).toBe(false);
  });

  it("checks every direction a row's values flow", () => {
    const app = { label: "Email", type: "email" as const };
    const crm = { apiName: "notes", type: "text" as const };
    expect(incompatibility(app, crm, "app_to_crm", "HubSpot")).toBeNull();
    expect(incompatibility(app, crm, "crm_to_app", "HubSpot")).toMatch(/Email \(email\) can't receive values from notes \(text\)/);
    expect(incompatibility(app, crm, "bidirectional", "HubSpot")).toMatch(/Choose “Switchboard → HubSpot”/);
  });
});

describe("catalogues", () => {
  it("list the standard properties of docs/product §3.1 with unique API names", () => {
    const names = (p: keyof typeof CRM_CATALOGUES) => CRM_CATALOGUES[p].map((x) => x.apiName);
    expect(names("hubspot")).toEqual(
      expect.arrayContaining(["email", "phone", "firstname", "lastname", "company", "jobtitle", "hs_lead_status"]),
    );
    expect(names("salesforce")).toEqual(
      expect.arrayContaining(["Email", "Phone", "FirstName", "LastName", "Company", "Title", "Status", "DoNotCall"]),
    );
    expect(names("zoho")).toEqual(
      expect.arrayContaining(["Email", "Phone", "First_Name", "Last_Name", "Account_Name", "Designation", "Lead_Status"]),
    );
    for (const list of Object.values(CRM_CATALOGUES)) {
      expect(new Set(list.map((p) => p.apiName.toLowerCase())).size).toBe(list.length);
    }
    expect(APP_FIELDS.map((f) => `${f.key}:${f.type}`)).toContain("do_not_call:boolean");
  });

  it("validate custom API names the way each CRM does", () => {
    expect(API_NAME_RULES.hubspot.pattern.test("preferred_call_time")).toBe(true);
    expect(API_NAME_RULES.hubspot.pattern.test("Preferred")).toBe(false);
    expect(API_NAME_RULES.salesforce.pattern.test("Preferred_Call_Time__c")).toBe(true);
    expect(API_NAME_RULES.salesforce.pattern.test("Bad__Name__c")).toBe(false);
    expect(API_NAME_RULES.salesforce.pattern.test("Trailing_")).toBe(false);
    expect(API_NAME_RULES.zoho.pattern.test("1Field")).toBe(false);
    expect(sameApiName(" Email ", "email")).toBe(true);
  });
});
