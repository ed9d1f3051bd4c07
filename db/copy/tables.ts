import { is } from "drizzle-orm";
import { getTableConfig as pgConfig, PgTable } from "drizzle-orm/pg-core";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import { getTableConfig as sqliteConfig } from "drizzle-orm/sqlite-core";
import * as sqliteSchema from "../schema/sqlite";
import * as pgSchema from "../schema/pg";

/*
 * What the copy walks: every table of the data model as both engines declare it, paired by SQL
 * name, in an order where each table comes after the tables its foreign keys point at, so every
 * insert finds its parents already there. The order is derived from PostgreSQL's declaration
 * (the constraints the target enforces on insert); db/schema/parity.test.ts keeps the two alike.
 */

export type TablePair = { name: string; source: SQLiteTable; target: PgTable; identityColumns: string[] };

/** Tables in the order they may be filled: in waves of tables whose parents are all placed, by name within a wave. */
export function foreignKeyOrder(tables: PgTable[]): PgTable[] {
  const nameOf = (table: PgTable) => pgConfig(table).name;
  const byName = new Map(tables.map((table) => [nameOf(table), table]));
  const parents = new Map(
    tables.map((table) => [
      nameOf(table),
      new Set(pgConfig(table).foreignKeys.map((fk) => nameOf(fk.reference().foreignTable as PgTable))),
    ]),
  );
  for (const [name, refs] of parents) {
    for (const ref of refs) if (!byName.has(ref)) throw new Error(`${name} references ${ref}, which is not in the schema`);
  }

  const ordered: PgTable[] = [];
  const placed = new Set<string>();
  while (placed.size < byName.size) {
    const ready = [...byName.keys()].filter((name) => !placed.has(name) && [...parents.get(name)!].every((ref) => placed.has(ref))).sort();
    if (ready.length === 0)
      throw new Error(
        describeCycle(
          [...byName.keys()].filter((name) => !placed.has(name)),
          parents,
        ),
      );
    for (const name of ready) {
      placed.add(name);
      ordered.push(byName.get(name)!);
    }
  }
  return ordered;
}

/*
 * Foreign keys are checked row by row as they are inserted (they are not deferrable), so a table
 * that points at itself, or tables that point at each other, have no fill order: the copy names
 * the loop instead of failing halfway.
 */
function describeCycle(left: string[], parents: Map<string, Set<string>>): string {
  const path = [left[0]];
  for (;;) {
    const next = [...parents.get(path.at(-1)!)!].find((ref) => left.includes(ref))!;
    const seen = path.indexOf(next);
    if (seen >= 0) {
      const loop = [...path.slice(seen), next];
      const what = loop.length === 2 ? `${next} references itself` : `foreign keys form a cycle: ${loop.join(" → ")}`;
      return `cannot order the tables for the copy: ${what}; rows would have to be inserted before the rows they point at`;
    }
    path.push(next);
  }
}

function tablesOf<T>(schema: Record<string, unknown>, isTable: (value: unknown) => value is T): T[] {
  return Object.values(schema).filter(isTable);
}

/** Every table of the schema, paired across the engines, in foreign-key order. */
export function copyPlan(): TablePair[] {
  const sources = new Map(
    tablesOf(sqliteSchema, (value): value is SQLiteTable => is(value, SQLiteTable)).map((table) => [sqliteConfig(table).name, table]),
  );
  const targets = tablesOf(pgSchema, (value): value is PgTable => is(value, PgTable));
  const targetNames = new Set(targets.map((table) => pgConfig(table).name));
  const unpaired = [
    ...[...sources.keys()].filter((name) => !targetNames.has(name)).map((name) => `${name} (SQLite only)`),
    ...[...targetNames].filter((name) => !sources.has(name)).map((name) => `${name} (PostgreSQL only)`),
  ];
  if (unpaired.length) throw new Error(`the two schemas declare different tables: ${unpaired.join(", ")}`);

  return foreignKeyOrder(targets).map((target) => {
    const config = pgConfig(target);
    return {
      name: config.name,
      source: sources.get(config.name)!,
      target,
      identityColumns: config.columns.filter((column) => column.generatedIdentity).map((column) => column.name),
    };
  });
}
