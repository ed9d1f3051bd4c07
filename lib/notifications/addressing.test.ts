import { describe, expect, it } from "vitest";
import { addressMessages } from "./addressing";

const people = (n: number) => Array.from({ length: n }, (_, i) => `user${i + 1}@acme.test`);

describe("addressMessages (docs/product R6, R10, R21)", () => {
  it("one message with the BCC when recipients fit", () => {
    expect(addressMessages({ recipients: people(2), escalation: "esc@acme.test" })).toEqual([
      { part: 1, to: people(2), bcc: "esc@acme.test", noRecipients: false },
    ]);
  });

  it("splits 120 recipients into 50 + 50 + 20 with the BCC on the first only", () => {
    const parts = addressMessages({ recipients: people(120), escalation: "esc@acme.test" });
    expect(parts.map((p) => p.to.length)).toEqual([50, 50, 20]);
    expect(parts.map((p) => p.bcc)).toEqual(["esc@acme.test", null, null]);
    expect(parts.flatMap((p) => p.to)).toEqual(people(120));
    expect(parts.map((p) => p.part)).toEqual([1, 2, 3]);
  });

  it("exactly 50 stays one message", () => {
    expect(addressMessages({ recipients: people(50), escalation: "esc@acme.test" })).toHaveLength(1);
  });

  it("nobody resolved: To the escalation address, no BCC, flagged", () => {
    expect(addressMessages({ recipients: [], escalation: "esc@acme.test" })).toEqual([
      { part: 1, to: ["esc@acme.test"], bcc: null, noRecipients: true },
    ]);
  });

  it("does not BCC the escalation inbox a second copy when it is itself a recipient", () => {
    const [part] = addressMessages({ recipients: ["ESC@acme.test", "a@acme.test"], escalation: "esc@acme.test" });
    expect(part.bcc).toBeNull();
  });
});
