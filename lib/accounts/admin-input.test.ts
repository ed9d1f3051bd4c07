import { describe, expect, it } from "vitest";
import { verifyPassword } from "better-auth/crypto";
import { hashSignInPassword } from "@/lib/auth/credential-password";
import { adminPasswordProblem, defaultAdminName, generateAdminPassword, parseAdminCreateInput } from "./admin-input";

const valid = { company: "acme-dialers", companyName: "Acme Dialers", email: "Ops@Example.COM", timeZone: "Europe/Berlin" };

describe("parseAdminCreateInput", () => {
  it("accepts a slug, a name, an email (lower-cased) and an IANA zone", () => {
    expect(parseAdminCreateInput(valid)).toEqual({
      ok: true,
      input: { company: "acme-dialers", companyName: "Acme Dialers", email: "ops@example.com", timeZone: "Europe/Berlin", name: undefined },
    });
  });

  it("stores the zone as Intl names it", () => {
    const parsed = parseAdminCreateInput({ ...valid, timeZone: "europe/berlin" });
    expect(parsed.ok && parsed.input.timeZone).toBe("Europe/Berlin");
  });

  it.each(["Acme", "acme_dialers", "-acme", "acme-", "ac me", "a".repeat(64), "", "../acme"])("refuses the slug %j", (company) => {
    const parsed = parseAdminCreateInput({ ...valid, company });
    expect(parsed).toEqual({ ok: false, errors: [expect.stringContaining("--company must be a slug")] });
  });

  it("refuses an invalid time zone and a bad email, naming the options", () => {
    const parsed = parseAdminCreateInput({ ...valid, timeZone: "Mars/Olympus_Mons", email: "not-an-email" });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors).toEqual([
      expect.stringContaining("--email must be an email address"),
      expect.stringContaining("--time-zone must be an IANA time zone"),
    ]);
  });

  it("requires --company and --email", () => {
    const parsed = parseAdminCreateInput({});
    expect(!parsed.ok && parsed.errors).toEqual([
      expect.stringContaining("--company is required"),
      expect.stringContaining("--email is required"),
    ]);
  });

  it("treats an empty --name or --company-name as left out", () => {
    const parsed = parseAdminCreateInput({ ...valid, name: "  ", companyName: "" });
    expect(parsed.ok && parsed.input).toMatchObject({ name: undefined, companyName: undefined });
  });
});

describe("admin passwords", () => {
  it("refuses short, over-long, space-padded and the demo password", () => {
    expect(adminPasswordProblem("elevenchars")).toMatch(/at least 12 characters/);
    expect(adminPasswordProblem("x".repeat(129))).toMatch(/at most 128/);
    expect(adminPasswordProblem(" twelve-chars-pw")).toMatch(/spaces/);
    expect(adminPasswordProblem("switchboard-demo")).toMatch(/published demo password/);
    expect(adminPasswordProblem("twelve-chars")).toBeNull();
  });

  it("generates distinct 24-character passwords that pass the rules", () => {
    const a = generateAdminPassword();
    const b = generateAdminPassword();
    expect(a).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(a).not.toBe(b);
    expect(adminPasswordProblem(a)).toBeNull();
  });

  it("hashes in better-auth's format, which its verifier accepts", async () => {
    const hash = await hashSignInPassword("correct horse battery");
    expect(hash).not.toContain("correct horse battery");
    await expect(verifyPassword({ hash, password: "correct horse battery" })).resolves.toBe(true);
    await expect(verifyPassword({ hash, password: "correct horse batterx" })).resolves.toBe(false);
  });

  it("names an admin after the address when --name is left out", () => {
    expect(defaultAdminName("ops.lead@example.com")).toBe("ops.lead");
  });
});
