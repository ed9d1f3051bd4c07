import { describe, expect, it } from "vitest";
import { avatarsFor, baseInitials } from "./avatars";

const person = (id: string, name: string) => ({ id, name, email: `${id}@acme.test` });

describe("avatarsFor", () => {
  it("keeps first and last initials when nobody else in the list shares them", () => {
    const a = avatarsFor([person("ada", "Ada Admin"), person("bill", "Bill Ledger")]);
    expect(a.get("ada")?.initials).toBe("AA");
    expect(a.get("bill")?.initials).toBe("BL");
  });

  it("tells apart people who share initials, in initials and in colour", () => {
    const a = avatarsFor([person("ada", "Ada Admin"), person("aggie", "Aggie Agent"), person("sam", "Sue Super")]);
    expect(a.get("ada")?.initials).toBe("Ad");
    expect(a.get("aggie")?.initials).toBe("Ag");
    expect(a.get("ada")?.tone).not.toBe(a.get("aggie")?.tone);
    expect(a.get("sam")?.initials).toBe("SS");
  });

  it("falls back to a longer form when the first name does not separate them", () => {
    const a = avatarsFor([person("a1", "Ada Admin"), person("a2", "Ada Archer")]);
    expect(new Set([a.get("a1")?.initials, a.get("a2")?.initials]).size).toBe(2);
  });

  it("handles one-word and empty names", () => {
    expect(baseInitials("Cher")).toBe("C");
    expect(baseInitials("   ")).toBe("?");
  });
});
