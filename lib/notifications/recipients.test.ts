import { describe, expect, it } from "vitest";
import { escalationBccAddress, resolveRecipients, type RecipientCandidate } from "./recipients";

const users: RecipientCandidate[] = [
  { id: "u_admin", name: "Ada Admin", email: "admin@acme.test", role: "company_admin", active: true },
  { id: "u_billing", name: "Bill Ledger", email: "billing@acme.test", role: "billing_admin", active: true },
  { id: "u_sup", name: "Sue Pervisor", email: "supervisor@acme.test", role: "company_supervisor", active: true },
  { id: "u_agent", name: "Aggie Agent", email: "agent@acme.test", role: "agent", active: true },
  { id: "u_former", name: "Fred Former", email: "former@acme.test", role: "company_admin", active: false },
];

const emails = (r: ReturnType<typeof resolveRecipients>) => r.recipients.map((p) => p.email);

describe("resolveRecipients (docs/product R10)", () => {
  it("includes every active user whose role is checked", () => {
    const r = resolveRecipients({ users, roles: ["company_admin", "billing_admin"], additionalUserIds: [] });
    expect(emails(r)).toEqual(["admin@acme.test", "billing@acme.test"]);
    expect(r.noRecipients).toBe(false);
    expect(r.recipients.every((p) => p.viaRole && !p.viaAdditional)).toBe(true);
  });

  it("adds additional recipients of any role, agents included", () => {
    const r = resolveRecipients({ users, roles: ["company_admin"], additionalUserIds: ["u_agent"] });
    expect(emails(r)).toEqual(["admin@acme.test", "agent@acme.test"]);
    const agent = r.recipients.find((p) => p.id === "u_agent");
    expect(agent).toMatchObject({ viaRole: false, viaAdditional: true, role: "agent" });
  });

  it("marks a person reached both ways once, with both reasons", () => {
    const r = resolveRecipients({ users, roles: ["company_admin"], additionalUserIds: ["u_admin"] });
    expect(r.recipients).toHaveLength(1);
    expect(r.recipients[0]).toMatchObject({ id: "u_admin", viaRole: true, viaAdditional: true });
  });

  it("never includes deactivated users, by role or as additional recipients", () => {
    const r = resolveRecipients({ users, roles: ["company_admin"], additionalUserIds: ["u_former"] });
    expect(emails(r)).toEqual(["admin@acme.test"]);
    expect(emails(r)).not.toContain("former@acme.test");
  });

  it("de-duplicates by email, case-insensitively", () => {
    const withTwin: RecipientCandidate[] = [
      ...users,
      { id: "u_twin", name: "Ada Twin", email: " ADMIN@Acme.TEST ", role: "billing_admin", active: true },
    ];
    const r = resolveRecipients({ users: withTwin, roles: ["company_admin", "billing_admin"], additionalUserIds: [] });
    expect(r.recipients.map((p) => p.email.toLowerCase())).toEqual(["admin@acme.test", "billing@acme.test"]);
    expect(r.recipients.filter((p) => p.email.toLowerCase() === "admin@acme.test")).toHaveLength(1);
  });

  it("ignores additional ids that are not among the given users", () => {
    const r = resolveRecipients({ users, roles: [], additionalUserIds: ["usr_globex_admin"] });
    expect(r.recipients).toEqual([]);
    expect(r.noRecipients).toBe(true);
  });

  it("flags an empty result when nobody resolves", () => {
    const onlyFormer = users.filter((u) => u.id === "u_former");
    const r = resolveRecipients({ users: onlyFormer, roles: ["company_admin"], additionalUserIds: ["u_former"] });
    expect(r).toEqual({ recipients: [], noRecipients: true });
    expect(resolveRecipients({ users, roles: [], additionalUserIds: [] }).noRecipients).toBe(true);
  });

  it("does not pick up agents through role checkboxes", () => {
    const r = resolveRecipients({ users, roles: ["company_supervisor"], additionalUserIds: [] });
    expect(emails(r)).toEqual(["supervisor@acme.test"]);
  });
});

describe("escalationBccAddress (docs/product R6)", () => {
  it("uses the company's override when set", () => {
    expect(escalationBccAddress({ override: "ops@acme.test", defaultAddress: "esc@switchboard.local" })).toBe("ops@acme.test");
  });

  it("falls back to the deployment default when there is no override", () => {
    expect(escalationBccAddress({ override: null, defaultAddress: "esc@switchboard.local" })).toBe("esc@switchboard.local");
    expect(escalationBccAddress({ override: "  ", defaultAddress: "esc@switchboard.local" })).toBe("esc@switchboard.local");
  });
});
