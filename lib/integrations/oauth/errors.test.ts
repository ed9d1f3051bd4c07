import { describe, expect, it } from "vitest";
import { OAUTH_ERROR_CODES, oauthErrorMessage, safeDetail } from "./errors";

describe("OAuth error messages", () => {
  it("has a specific message for every code, naming the CRM and saying nothing changed", () => {
    for (const code of OAUTH_ERROR_CODES) {
      const m = oauthErrorMessage(code, "hubspot");
      expect(m.title.length, code).toBeGreaterThan(5);
      if (code !== "forbidden" && code !== "zoho_wrong_dc") expect(`${m.title} ${m.body}`, code).toMatch(/HubSpot|session|signed out/);
      if (code !== "forbidden") expect(m.body, code).toContain("Nothing was changed");
    }
    expect(oauthErrorMessage("access_denied", "zoho").title).toBe("Access to Zoho CRM was denied");
    expect(oauthErrorMessage("code_rejected", "salesforce", { detail: "invalid_grant" }).body).toContain("Salesforce said: invalid_grant");
    expect(oauthErrorMessage("account_mismatch", "hubspot", { storedAccountId: "12345" }).body).toContain("account 12345");
    expect(oauthErrorMessage("zoho_wrong_dc", "zoho", { detail: "eu" }).body).toContain("Europe (zoho.eu)");
    expect(oauthErrorMessage("token_unavailable", "hubspot", { detail: "503" }).body).toContain("HTTP 503");
  });

  it("lets only short codes through as details", () => {
    expect(safeDetail("invalid_grant")).toBe("invalid_grant");
    expect(safeDetail(500)).toBe("500");
    expect(safeDetail("<script>alert(1)</script>")).toBeUndefined();
    expect(safeDetail("a".repeat(65))).toBeUndefined();
    expect(safeDetail({ error: "x" })).toBeUndefined();
  });
});
