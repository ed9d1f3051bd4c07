import { describe, expect, it } from "vitest";
import { GENERIC_MAPPING_TIP, tipFor } from "./mapping-tips";

const SPECIFIC: Record<string, RegExp> = {
  INVALID_OPTION: /allowed options.*HubSpot/,
  PROPERTY_DOESNT_EXIST: /does not exist/,
  READ_ONLY_VALUE: /HubSpot sets this property itself/,
  INVALID_EMAIL: /email address/,
  REQUIRED_FIELD_MISSING: /Salesforce requires/,
  INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST: /restricted picklist/,
  DUPLICATES_DETECTED: /duplicate rule/,
  STRING_TOO_LONG: /longer than the Salesforce field/,
  MANDATORY_NOT_FOUND: /mandatory Zoho CRM field/,
  INVALID_DATA: /Zoho CRM rejected the value/,
  DUPLICATE_DATA: /unique/,
};

describe("tipFor", () => {
  it.each(Object.entries(SPECIFIC))("has a specific tip for %s", (code, pattern) => {
    expect(tipFor(code)).toMatch(pattern);
    expect(tipFor(code)).not.toBe(GENERIC_MAPPING_TIP);
  });

  it("gives every known code its own tip", () => {
    const tips = Object.keys(SPECIFIC).map(tipFor);
    expect(new Set(tips).size).toBe(tips.length);
  });

  it("ignores case and surrounding spaces", () => {
    expect(tipFor(" invalid_option ")).toBe(tipFor("INVALID_OPTION"));
  });

  it("falls back to a generic tip for unknown codes and prototype names", () => {
    expect(tipFor("SOMETHING_NEW")).toBe(GENERIC_MAPPING_TIP);
    expect(tipFor("constructor")).toBe(GENERIC_MAPPING_TIP);
    expect(tipFor("__proto__")).toBe(GENERIC_MAPPING_TIP);
  });
});
