import { describe, expect, it } from "vitest";
import { getTableConfig, pgTable, text, type AnyPgColumn } from "drizzle-orm/pg-core";
import { copyPlan, foreignKeyOrder } from "./tables";

describe("the copy's table order", () => {
  it("covers every table of the schema once, each after the tables its foreign keys point at", () => {
    const plan = copyPlan();
    const position = new Map(plan.map((table, i) => [table.name, i]));
    expect(plan.length).toBeGreaterThan(20);
    expect(position.size).toBe(plan.length);
    for (const table of plan) {
      for (const fk of getTableConfig(table.target).foreignKeys) {
        const parent = getTableConfig(fk.reference().foreignTable).name;
        expect(position.get(parent), `${table.name} → ${parent}`).toBeLessThan(position.get(table.name)!);
      }
    }
    expect(plan.find((table) => table.name === "audit_log")?.identityColumns).toEqual(["id"]);
  });

  it("names a table that references itself", () => {
    const nodes = pgTable("nodes", { id: text("id").primaryKey(), parentId: text("parent_id").references((): AnyPgColumn => nodes.id) });
    expect(() => foreignKeyOrder([nodes])).toThrow("cannot order the tables for the copy: nodes references itself");
  });

  it("names the tables of a foreign-key cycle, and a reference outside the tables given", () => {
    const roots = pgTable("roots", { id: text("id").primaryKey() });
    const left = pgTable("left", {
      id: text("id").primaryKey(),
      rightId: text("right_id").references((): AnyPgColumn => right.id),
    });
    const right = pgTable("right", {
      id: text("id").primaryKey(),
      rootId: text("root_id").references(() => roots.id),
      leftId: text("left_id").references((): AnyPgColumn => left.id),
    });
    expect(() => foreignKeyOrder([left, right, roots])).toThrow("foreign keys form a cycle: left → right → left");
    expect(() => foreignKeyOrder([right, roots])).toThrow("right references left, which is not in the schema");
  });
});
