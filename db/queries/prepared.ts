import "server-only";
import { getTableColumns, getTableName, is, SQL } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { db } from "@/db/client";

/*
 * Hot queries prepared once per process instead of built and compiled on
 * every call (drizzle's query building plus SQLite's prepare were a quarter
 * of an ingested event's CPU). Prepared lazily, on first use: `next build`
 * loads modules against an empty in-memory database that has no tables.
 * The one connection of the process runs them, so inside
 * `db.transaction((tx) => …)` they belong to that transaction like `tx`'s own.
 */
export function preparedOnce<T>(build: (database: typeof db) => T): () => T {
  let query: T | undefined;
  return () => (query ??= build(db));
}

/**
 * A one-row INSERT of every column of `table`, compiled once. The row is
 * mapped like drizzle's own insert: a column left out takes its default
 * (`$defaultFn` or `.default(…)`), else NULL; values go through the column's
 * driver mapping (JSON, booleans, timestamps). `onConflictDoNothing` names
 * the unique column whose collision skips the row (the result's `changes`
 * is then 0), or "any" for every uniqueness conflict.
 */
export function preparedInsert<T extends SQLiteTable>(
  table: T,
  { onConflictDoNothing }: { onConflictDoNothing?: SQLiteColumn | "any" } = {},
): (row: T["$inferInsert"]) => { changes: number } {
  const columns = Object.entries(getTableColumns(table)) as [string, SQLiteColumn][];
  const conflict =
    onConflictDoNothing === undefined
      ? ""
      : ` on conflict${onConflictDoNothing === "any" ? "" : ` ("${onConflictDoNothing.name}")`} do nothing`;
  const text =
    `insert into "${getTableName(table)}" (${columns.map(([, c]) => `"${c.name}"`).join(", ")}) ` +
    `values (${columns.map(() => "?").join(", ")})${conflict}`;
  const statement = preparedOnce((d) => d.$client.prepare(text));
  return (row) => {
    const values = row as Record<string, unknown>;
    return statement().run(columns.map(([key, column]) => toDriverValue(column, values[key])));
  };
}

function toDriverValue(column: SQLiteColumn, given: unknown): unknown {
  let value = given;
  if (value === undefined) {
    if (column.defaultFn) value = column.defaultFn();
    else if (column.hasDefault) value = column.default;
    else return null;
  }
  if (value === null || value === undefined) return null;
  if (is(value, SQL)) throw new Error(`preparedInsert: column ${column.name} has an SQL default; give it a value`);
  return column.mapToDriverValue(value);
}
