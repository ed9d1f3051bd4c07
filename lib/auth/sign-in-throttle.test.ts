import { describe, expect, it } from "vitest";
import { accountKey, lockedMessage, SIGN_IN_LIMITS } from "./sign-in-throttle";

describe("sign-in throttle rule", () => {
  it("counts an email however it is typed", () => {
    expect(accountKey("  Admin@ACME.test ")).toBe("admin@acme.test");
  });

  it("says how long to wait, rounded up to whole minutes, without naming the account", () => {
    const now = new Date("2026-12-01T14:00:00Z");
    const message = lockedMessage("account", new Date(now.getTime() + 14 * 60_000 + 1), now);
    expect(message).toContain("try again in 15 minutes");
    expect(message).not.toMatch(/exist|unknown|no account/i);
    expect(lockedMessage("address", new Date(now.getTime() + 10_000), now)).toContain("Try again in 1 minute.");
  });

  it("allows fewer failures per account than per address", () => {
    expect(SIGN_IN_LIMITS.perAccount).toBe(5);
    expect(SIGN_IN_LIMITS.perAddress).toBeGreaterThan(SIGN_IN_LIMITS.perAccount);
  });
});
