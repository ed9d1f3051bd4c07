import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { jsonDepth, parseIntegrationEvent } from "./events";

const FIXTURES = fileURLToPath(new URL("../../../e2e/fixtures/events", import.meta.url));
const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".json"))
  .map((f) => [f, JSON.parse(readFileSync(join(FIXTURES, f), "utf8"))] as const);

const issuesOf = (value: unknown) => {
  const result = parseIntegrationEvent(value);
  if (result.ok) throw new Error("expected a schema error");
  return result.issues;
};

const mapping = fixtures.find(([f]) => f === "mapping-hubspot-push.json")![1];
const sync = fixtures.find(([f]) => f === "sync-zoho-view.json")![1];
const reauth = fixtures.find(([f]) => f === "reauth-hubspot-token-revoked.json")![1];

describe("parseIntegrationEvent", () => {
  it("has fixtures for every event type", () => {
    const types = new Set(fixtures.map(([, body]) => body.type));
    expect([...types].sort()).toEqual([
      "contacts.mapping_failed",
      "integration.auth_restored",
      "integration.disabled",
      "integration.enabled",
      "integration.reauth_required",
      "sync.completed",
    ]);
  });

  it.each(fixtures)("accepts %s", (_, body) => {
    const result = parseIntegrationEvent(body);
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it("names an unknown type", () => {
    expect(issuesOf({ ...mapping, type: "contacts.exploded" })).toEqual([
      { path: "type", message: expect.stringContaining("contacts.mapping_failed") },
    ]);
  });

  it("points at the exact bad field inside an array", () => {
    const errors = mapping.data.errors.map((e: object) => ({ ...e }));
    errors[3].code = "";
    delete errors[1].message;
    const issues = issuesOf({ ...mapping, data: { ...mapping.data, errors } });
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: "data.errors[3].code", message: "Must not be empty" },
        { path: "data.errors[1].message", message: expect.any(String) },
      ]),
    );
    expect(issues).toHaveLength(2);
  });

  it("rejects a bad provider, date and company", () => {
    const issues = issuesOf({ ...reauth, provider: "pipedrive", occurredAt: "yesterday", companyId: "" });
    expect(issues.map((i) => i.path).sort()).toEqual(["companyId", "occurredAt", "provider"]);
    expect(issues.find((i) => i.path === "occurredAt")!.message).toMatch(/ISO-8601/);
  });

  it("requires a view for zoho_views.pull and allows it for zoho only", () => {
    const { view: _view, ...withoutView } = sync.data;
    expect(issuesOf({ ...sync, data: withoutView })).toEqual([{ path: "data.view", message: "Required for zoho_views.pull" }]);
    expect(issuesOf({ ...sync, provider: "hubspot" })).toEqual([
      { path: "data.operation", message: "zoho_views.pull is valid for provider zoho only" },
    ]);
  });

  it("bounds mapping errors to 1..2000 and totalRecords to at least the errors listed", () => {
    expect(issuesOf({ ...mapping, data: { ...mapping.data, errors: [] } })).toEqual([
      { path: "data.errors", message: "At least one error" },
    ]);
    const many = Array.from({ length: 2001 }, (_, i) => ({ recordId: `r${i}`, code: "X", message: "m" }));
    expect(issuesOf({ ...mapping, data: { ...mapping.data, errors: many } })[0].path).toBe("data.errors");
    expect(issuesOf({ ...mapping, data: { ...mapping.data, totalRecords: 2 } })).toEqual([
      { path: "data.totalRecords", message: "Must be at least the number of errors listed" },
    ]);
  });

  it("rejects non-objects and huge strings with a path", () => {
    expect(issuesOf(null)[0].path).toBe("");
    expect(issuesOf([1, 2])[0].path).toBe("");
    const big = "x".repeat(6_000);
    const errors = [{ recordId: "r1", code: "X", message: big }];
    expect(issuesOf({ ...mapping, data: { ...mapping.data, totalRecords: 1, errors } })).toEqual([
      { path: "data.errors[0].message", message: "At most 5000 characters" },
    ]);
  });

  it("drops unknown keys, including __proto__", () => {
    const body = JSON.parse(
      JSON.stringify(reauth).replace('"data":{', '"__proto__":{"polluted":true},"data":{"constructor":{"prototype":{"x":1}},'),
    );
    const result = parseIntegrationEvent(body);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.keys(result.event)).not.toContain("__proto__");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(result.event.data)).not.toContain("constructor");
  });
});

describe("jsonDepth", () => {
  it("counts nesting outside strings only", () => {
    expect(jsonDepth('{"a":[1,{"b":2}]}')).toBe(3);
    expect(jsonDepth('{"a":"[[[[{{{{\\"]]"}')).toBe(1);
    expect(jsonDepth("[".repeat(100_000) + "]".repeat(100_000))).toBe(100_000);
  });
});
