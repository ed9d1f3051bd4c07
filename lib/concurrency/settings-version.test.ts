import { describe, expect, it } from "vitest";
import { actorName, describeConflict, formatVersion, parseVersion } from "./settings-version";

describe("parseVersion", () => {
  it("reads what formatVersion writes", () => {
    expect(parseVersion(formatVersion(null))).toEqual({ ok: true, version: 0 });
    expect(parseVersion(formatVersion(42))).toEqual({ ok: true, version: 42 });
  });

  it("refuses a missing or malformed version with a clear message that echoes nothing", () => {
    for (const raw of [null, undefined, ""]) {
      expect(parseVersion(raw)).toEqual({ ok: false, error: expect.stringContaining("didn't say which version") });
    }
    for (const raw of ["-1", "1.5", "1e3", " 7", "abc", "<script>", "9".repeat(16), new File([], "v")]) {
      const r = parseVersion(raw);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).not.toContain(String(raw));
    }
  });
});

describe("describeConflict", () => {
  const latest = { id: 9, actorId: "usr_b", actorLabel: "Bill Ledger <billing@acme.test>", createdAt: new Date("2026-01-15T19:02:00Z") };
  it("names who and when in the company's zone", () => {
    const c = describeConflict({ facts: { latest, saves: 1 }, changes: [], viewerUserId: "usr_a", timeZone: "Europe/Berlin" });
    expect(c.message).toMatch(
      /^Bill Ledger \(billing@acme\.test\) changed these settings at Jan 15, 8:02 PM GMT\+1 — none of the fields differ/,
    );
    expect(c.version).toBe("9");
  });
  it("reads a label without an address as it is", () => {
    expect(actorName("HubSpot sandbox")).toBe("HubSpot sandbox");
  });
});
