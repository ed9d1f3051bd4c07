import "server-only";
import { getTableColumns, sql, type InferInsertModel, type SQL } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Executor } from "./tx";

/*
 * The accepting transaction's hot queries, built once instead of on every call
 * (docs/decisions/0005-prepared-statement-cache.md). Building a query is the
 * dearest step of a small statement: 26 µs to build a 3-column select with
 * two conditions, 6 µs to run it, 9 µs to run it prepared; 25–50 µs to build
 * an insert. An event runs a dozen such statements, and `bench:ingest` went
 * from 0.52 × the no-op baseline with every query built per call to the
 * figure in 0005 with these.
 *
 * A prepared query belongs to the executor it was built on, so each executor
 * gets its own: on SQLite the process-wide `db` and the connection's one `tx`;
 * on PostgreSQL a `tx` lives for one transaction, and its queries are built
 * per transaction, which costs what building per call costs.
 */
export function preparedOnce<Q>(build: (executor: Executor) => Q): (executor: Executor) => Q {
  const built = new WeakMap<Executor, Q>();
  return (executor) => {
    let query = built.get(executor);
    if (query === undefined) built.set(executor, (query = build(executor)));
    return query;
  };
}

/** A named value of a prepared query, given at each run: `eq(column, param("companyId"))`. */
export const param = (name: string) => sql.placeholder(name);

/**
 * Named values for the columns `keys` of `table`, for an update's `.set()` or an insert's
 * `.values()`: each run's value goes through its column's mapping (a Date to milliseconds on
 * SQLite, an object to JSON), and null stays null.
 */
export function columnParams<T extends SQLiteTable, K extends keyof T["_"]["columns"] & string>(
  table: T,
  keys: readonly K[],
): Record<K, SQL> {
  const columns = getTableColumns(table) as Record<string, SQLiteColumn>;
  return Object.fromEntries(keys.map((key) => [key, sql`${sql.param(param(key), nullKept(columns[key]))}`])) as Record<K, SQL>;
}

const nullKept = (column: SQLiteColumn) => ({
  mapToDriverValue: (value: unknown) => (value === null || value === undefined ? null : column.mapToDriverValue(value)),
});

type Returning<T extends SQLiteTable> = Record<string, SQLiteColumn> & Partial<Record<string, T["_"]["columns"][string]>>;

/**
 * A one-row INSERT into `table`, prepared once per executor and set of given
 * columns. Each run computes the `$defaultFn` defaults itself (an id, a time)
 * instead of freezing the value drizzle computed when the query was built;
 * a column left out with any other default is left to the database.
 * `onConflictDoNothing` names the unique column whose collision skips the
 * row (every uniqueness conflict when true); `returning` picks columns of
 * the inserted row, none when the row was skipped.
 */
export function preparedInsert<T extends SQLiteTable>(
  table: T,
  options: { onConflictDoNothing?: SQLiteColumn | true; returning?: Returning<T> } = {},
): (executor: Executor, row: InferInsertModel<T>) => Promise<Record<string, unknown>[]> {
  const generated = (Object.entries(getTableColumns(table)) as [string, SQLiteColumn][]).filter(([, column]) => column.defaultFn);
  const byShape = new Map<string, (executor: Executor) => { execute(values: Record<string, unknown>): Promise<unknown> }>();

  const prepare = (keys: string[]) =>
    preparedOnce((executor) => {
      const values = columnParams(table, keys as (keyof T["_"]["columns"] & string)[]);
      let query = executor.insert(table).values(values as InferInsertModel<T>);
      const conflict = options.onConflictDoNothing;
      if (conflict) query = query.onConflictDoNothing(conflict === true ? undefined : { target: conflict }) as typeof query;
      return (options.returning ? query.returning(options.returning) : query).prepare();
    });

  return async (executor, row) => {
    const values: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row)) if (value !== undefined) values[key] = value;
    for (const [key, column] of generated) if (values[key] === undefined) values[key] = column.defaultFn!();
    const keys = Object.keys(values).sort();
    const shape = keys.join(",");
    let query = byShape.get(shape);
    if (!query) byShape.set(shape, (query = prepare(keys)));
    const result = await query(executor).execute(values);
    return options.returning ? (result as Record<string, unknown>[]) : [];
  };
}
