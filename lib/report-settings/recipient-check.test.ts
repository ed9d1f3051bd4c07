import { describe, expect, it } from "vitest";
import { additionalRecipientsError } from "./recipient-check";

const ada = { id: "u1", name: "Ada", active: true };
const bill = { id: "u2", name: "Bill", active: false };
const cy = { id: "u3", name: "Cy", active: false };

describe("additionalRecipientsError", () => {
  it("accepts the company's active users", () => {
    expect(additionalRecipientsError({ requested: ["u1"], found: [ada], alreadyListed: [] })).toBeNull();
  });

  it("refuses ids that are not the company's users", () => {
    expect(additionalRecipientsError({ requested: ["u1", "other"], found: [ada], alreadyListed: [] })?.additionalUserIds).toMatch(
      /not users of your company/,
    );
  });

  it("refuses newly picked deactivated users by name, but keeps those already listed", () => {
    expect(additionalRecipientsError({ requested: ["u2"], found: [bill], alreadyListed: [] })?.additionalUserIds).toBe(
      "Bill is deactivated and can't receive reports.",
    );
    expect(additionalRecipientsError({ requested: ["u2", "u3"], found: [bill, cy], alreadyListed: [] })?.additionalUserIds).toBe(
      "Bill, Cy are deactivated and can't receive reports.",
    );
    expect(additionalRecipientsError({ requested: ["u2"], found: [bill], alreadyListed: ["u2"] })).toBeNull();
  });
});
