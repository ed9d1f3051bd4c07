import { sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { PgDB } from "../postgres/connection";

/*
 * The PostgreSQL side of the copy, statement by statement. `Executor` is the pool or the one
 * transaction the copy runs in.
 */

type Executor = Pick<PgDB, "execute" | "insert">;
export type Transaction = Parameters<Parameters<PgDB["transaction"]>[0]>[0];

/** PostgreSQL binds at most 65535 parameters per statement; an INSERT uses one per column per row. */
export const MAX_PARAMETERS = 65_535;

export function rowsPerInsert(columnCount: number, wanted: number): number {
  return Math.max(1, Math.min(wanted, Math.floor(MAX_PARAMETERS / columnCount)));
}

const nameList = (names: string[]) =>
  sql.join(
    names.map((name) => sql`${name}`),
    sql`, `,
  );

async function rows<T>(db: Pick<PgDB, "execute">, query: ReturnType<typeof sql>): Promise<T[]> {
  return (await db.execute(query)).rows as T[];
}

/** The named tables that exist and hold rows, with their counts; a database not yet migrated has none. */
export async function tablesWithRows(db: Pick<PgDB, "execute">, names: string[]): Promise<{ name: string; count: number }[]> {
  const existing = await rows<{ name: string }>(
    db,
    sql`select c.relname as name from pg_class c
        where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and c.relname in (${nameList(names)})`,
  );
  const counts: { name: string; count: number }[] = [];
  // one after another: inside the copy's transaction there is one connection to ask
  for (const { name } of existing) counts.push({ name, count: await countTargetRows(db, name) });
  return counts.filter((table) => table.count > 0).sort((a, b) => names.indexOf(a.name) - names.indexOf(b.name));
}

export async function countTargetRows(db: Pick<PgDB, "execute">, name: string): Promise<number> {
  const [row] = await rows<{ n: number }>(db, sql`select count(*)::bigint as n from ${sql.identifier(name)}`);
  return Number(row.n);
}

/** One statement for all tables, so the foreign keys between them never see a half-emptied set. */
export async function emptyTables(tx: Transaction, names: string[]): Promise<void> {
  await tx.execute(
    sql`truncate table ${sql.join(
      names.map((name) => sql.identifier(name)),
      sql`, `,
    )} restart identity`,
  );
}

/*
 * The copy writes every table's rows exactly as the source holds them, derived tables included
 * (message_recipients, kept by a trigger on messages in both engines): a trigger left on would
 * add its own version of those rows. Only the triggers a migration created are switched off
 * (foreign-key checks stay on), only those that were on, and only inside the copy's transaction,
 * which holds the tables locked until they are back on.
 */
export async function suspendTriggers(tx: Transaction, names: string[]): Promise<() => Promise<void>> {
  const triggers = await rows<{ table: string; trigger: string }>(
    tx,
    sql`select c.relname as table, t.tgname as trigger from pg_trigger t join pg_class c on c.oid = t.tgrelid
        where c.relnamespace = 'public'::regnamespace and c.relname in (${nameList(names)})
          and not t.tgisinternal and t.tgenabled <> 'D'
        order by c.relname, t.tgname`,
  );
  const alter = async (action: "disable" | "enable") => {
    for (const { table, trigger } of triggers) {
      await tx.execute(sql`alter table ${sql.identifier(table)} ${sql.raw(action)} trigger ${sql.identifier(trigger)}`);
    }
  };
  await alter("disable");
  return () => alter("enable");
}

export async function insertRows(tx: Executor, table: PgTable, batch: Record<string, unknown>[]): Promise<void> {
  // the rows are typed by the SQLite table; db/schema/parity.test.ts holds both engines to the same row shapes
  await tx.insert(table).values(batch as never);
}

/** Explicit ids leave an identity's sequence at its start: move it past the largest id so the next insert does not collide. */
export async function continueIdentity(tx: Transaction, name: string, column: string): Promise<number> {
  const [row] = await rows<{ next: string }>(
    tx,
    sql`select setval(pg_get_serial_sequence(${`"${name}"`}, ${column}),
          coalesce((select max(${sql.identifier(column)}) from ${sql.identifier(name)}), 0) + 1, false)::bigint as next`,
  );
  return Number(row.next);
}
