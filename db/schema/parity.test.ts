import { describe, expect, it } from "vitest";
import { getTableName, is, SQL, Table } from "drizzle-orm";
import { getTableConfig as sqliteConfig, SQLiteSyncDialect, SQLiteTable } from "drizzle-orm/sqlite-core";
import { getTableConfig as pgConfig, PgDialect, PgTable } from "drizzle-orm/pg-core";
import * as sqlite from "./sqlite";
import * as pg from "./pg/index";

/*
 * The data model is declared once per engine (docs/decisions/0008). This file holds the two
 * declarations to each other: at compile time the domain sees the same row shapes from both, and
 * at run time both declare the same tables, columns, keys, indexes and uniques, SQLite's types
 * read through one small map.
 */

// ── Types: every table infers the same select and insert rows on both engines ──────────

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type TablesOf<S> = { [K in keyof S as S[K] extends Table ? K : never]: S[K] };
type SqliteTables = TablesOf<typeof sqlite>;
type PgTables = TablesOf<typeof pg>;
type RowsDiffer<K extends keyof SqliteTables & keyof PgTables> =
  Equal<SqliteTables[K]["$inferSelect"], PgTables[K]["$inferSelect"]> extends true
    ? Equal<SqliteTables[K]["$inferInsert"], PgTables[K]["$inferInsert"]> extends true
      ? never
      : K
    : K;
/** The export names of tables whose rows differ, or that only one engine declares. */
type Mismatched =
  | Exclude<keyof SqliteTables, keyof PgTables>
  | Exclude<keyof PgTables, keyof SqliteTables>
  | { [K in keyof SqliteTables & keyof PgTables]: RowsDiffer<K> }[keyof SqliteTables & keyof PgTables];
// A compile error here lists the tables: `Type '{}' is missing the following properties …: messages, messageAttempts`.
const sameRows: Record<Mismatched, "rows differ between the engines"> = {};

// ── Run time: the declarations, normalised into PostgreSQL's terms ───────────────────

/** SQLite column type → the PostgreSQL types that store the same values (docs/decisions/0008). */
const TYPE_MAP: Record<string, string[]> = {
  SQLiteText: ["text"],
  SQLiteInteger: ["integer", "bigint"],
  SQLiteTimestamp: ["timestamp (3) with time zone"],
  SQLiteTextJson: ["jsonb"],
  SQLiteBoolean: ["boolean"],
  SQLiteReal: ["double precision"],
};

/** SQL defaults that say the same thing in each engine's words. */
const SQL_DEFAULT_MAP: Record<string, string> = {
  "(unixepoch('subsec') * 1000)": "now()",
};

const sqliteDialect = new SQLiteSyncDialect();
const pgDialect = new PgDialect();

type Shape = {
  exportName: string;
  columns: Map<string, { types: string[]; notNull: boolean; default: string; enumValues: string; key: string }>;
  primaryKeys: string[];
  foreignKeys: string[];
  indexes: string[];
  uniques: string[];
  checks: string[];
};

function describeDefault(column: {
  hasDefault: boolean;
  default: unknown;
  defaultFn?: unknown;
  onUpdateFn?: unknown;
  autoIncrement?: boolean;
  generatedIdentity?: unknown;
}): string {
  if (column.autoIncrement || column.generatedIdentity) return "identity";
  if (column.defaultFn || column.onUpdateFn) return `fn ${String(column.defaultFn)} / ${String(column.onUpdateFn)}`;
  if (!column.hasDefault) return "none";
  return is(column.default, SQL) ? "sql" : `value ${JSON.stringify(column.default)}`;
}

function sqlDefault(sql: SQL, dialect: SQLiteSyncDialect | PgDialect, map: Record<string, string> = {}): string {
  const text = dialect.sqlToQuery(sql).sql;
  return `sql ${map[text] ?? text}`;
}

function columnList(columns: { name?: string }[]): string {
  return columns.map((c) => c.name ?? "(expression)").join(", ");
}

function sqliteShape(exportName: string, table: SQLiteTable): [string, Shape] {
  const config = sqliteConfig(table);
  const columns: Shape["columns"] = new Map();
  for (const [key, column] of Object.entries(table) as [string, unknown][]) {
    const c = config.columns.find((col) => col === column);
    if (!c) continue;
    const described = describeDefault(c as typeof c & { autoIncrement?: boolean });
    columns.set(c.name, {
      types: TYPE_MAP[c.columnType] ?? [`unmapped ${c.columnType}`],
      notNull: c.notNull,
      default: described === "sql" ? sqlDefault(c.default as SQL, sqliteDialect, SQL_DEFAULT_MAP) : described,
      enumValues: JSON.stringify(c.enumValues ?? null),
      key,
    });
  }
  return [config.name, shapeRest(exportName, columns, config, sqliteDialect)];
}

function pgShape(exportName: string, table: PgTable): [string, Shape] {
  const config = pgConfig(table);
  const columns: Shape["columns"] = new Map();
  for (const [key, column] of Object.entries(table) as [string, unknown][]) {
    const c = config.columns.find((col) => col === column);
    if (!c) continue;
    const described = describeDefault(c);
    columns.set(c.name, {
      types: [c.getSQLType()],
      notNull: c.notNull,
      default: described === "sql" ? sqlDefault(c.default as SQL, pgDialect) : described,
      enumValues: JSON.stringify(c.enumValues ?? null),
      key,
    });
  }
  return [config.name, shapeRest(exportName, columns, config, pgDialect)];
}

type AnyConfig = ReturnType<typeof sqliteConfig> | ReturnType<typeof pgConfig>;

function shapeRest(exportName: string, columns: Shape["columns"], config: AnyConfig, dialect: SQLiteSyncDialect | PgDialect): Shape {
  const all = config.columns as { name: string; primary: boolean; isUnique: boolean; uniqueName?: string }[];
  return {
    exportName,
    columns,
    primaryKeys: [...all.filter((c) => c.primary).map((c) => c.name), ...config.primaryKeys.map((pk) => columnList(pk.columns))].sort(),
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const ref = fk.reference();
        const target = `${getTableName(ref.foreignTable)}(${columnList(ref.foreignColumns)})`;
        return `${fk.getName()}: (${columnList(ref.columns)}) → ${target} on delete ${fk.onDelete ?? "no action"}, on update ${fk.onUpdate ?? "no action"}`;
      })
      .sort(),
    indexes: config.indexes
      .map(({ config: index }) => {
        const where = index.where ? ` where ${dialect.sqlToQuery(index.where).sql}` : "";
        return `${index.name}${index.unique ? " unique" : ""} (${columnList(index.columns as { name?: string }[])})${where}`;
      })
      .sort(),
    uniques: [
      ...all.filter((c) => c.isUnique).map((c) => `${c.uniqueName} (${c.name})`),
      ...config.uniqueConstraints.map((u) => `${u.getName()} (${columnList(u.columns)})`),
    ].sort(),
    checks: config.checks.map((check) => `${check.name}: ${dialect.sqlToQuery(check.value).sql}`).sort(),
  };
}

function tablesOf<T>(
  schema: Record<string, unknown>,
  isTable: (value: unknown) => value is T,
  shape: (name: string, table: T) => [string, Shape],
) {
  return new Map(
    Object.entries(schema)
      .filter((entry): entry is [string, T] => isTable(entry[1]))
      .map(([name, table]) => shape(name, table)),
  );
}

/** Every difference between the two declarations, one line each, naming table.column. */
function schemaDifferences(left: Map<string, Shape>, right: Map<string, Shape>): string[] {
  const out: string[] = [];
  for (const name of left.keys()) if (!right.has(name)) out.push(`${name}: only in SQLite`);
  for (const name of right.keys()) if (!left.has(name)) out.push(`${name}: only in PostgreSQL`);
  for (const [name, a] of left) {
    const b = right.get(name);
    if (!b) continue;
    if (a.exportName !== b.exportName) out.push(`${name}: exported as ${a.exportName} (SQLite) but ${b.exportName} (PostgreSQL)`);
    for (const column of a.columns.keys()) if (!b.columns.has(column)) out.push(`${name}.${column}: only in SQLite`);
    for (const column of b.columns.keys()) if (!a.columns.has(column)) out.push(`${name}.${column}: only in PostgreSQL`);
    for (const [column, x] of a.columns) {
      const y = b.columns.get(column);
      if (!y) continue;
      if (!x.types.includes(y.types[0])) out.push(`${name}.${column}: type ${y.types[0]} in PostgreSQL, expected ${x.types.join(" or ")}`);
      for (const field of ["notNull", "default", "enumValues", "key"] as const) {
        if (x[field] !== y[field]) out.push(`${name}.${column}: ${field} ${String(x[field])} (SQLite) ≠ ${String(y[field])} (PostgreSQL)`);
      }
    }
    for (const field of ["primaryKeys", "foreignKeys", "indexes", "uniques", "checks"] as const) {
      for (const entry of a[field]) if (!b[field].includes(entry)) out.push(`${name}: ${field} only in SQLite: ${entry}`);
      for (const entry of b[field]) if (!a[field].includes(entry)) out.push(`${name}: ${field} only in PostgreSQL: ${entry}`);
    }
  }
  return out;
}

describe("the SQLite and PostgreSQL schemas", () => {
  const left = tablesOf(sqlite, (value): value is SQLiteTable => is(value, SQLiteTable), sqliteShape);
  const right = tablesOf(pg, (value): value is PgTable => is(value, PgTable), pgShape);

  it("infer the same rows for every table", () => {
    expect(sameRows).toEqual({});
  });

  it("declare the same tables, columns, keys, indexes and uniques", () => {
    expect(left.size).toBeGreaterThan(20);
    expect(schemaDifferences(left, right)).toEqual([]);
  });

  it("report a column declared on one engine only", () => {
    const withExtra = new Map(right);
    const messages = right.get("messages")!;
    const columns = new Map(messages.columns);
    columns.set("shadow", { types: ["text"], notNull: false, default: "none", enumValues: "null", key: "shadow" });
    withExtra.set("messages", { ...messages, columns, indexes: [...messages.indexes, "messages_shadow (shadow)"] });
    expect(schemaDifferences(left, withExtra)).toEqual([
      "messages.shadow: only in PostgreSQL",
      "messages: indexes only in PostgreSQL: messages_shadow (shadow)",
    ]);
  });
});
