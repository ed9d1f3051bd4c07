import Database from "better-sqlite3";
import { getTableColumns, sql } from "drizzle-orm";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import * as schema from "../schema/sqlite";
import { CopyRefused } from "./refusal";

/*
 * The SQLite side: the file opened read-only, read through drizzle over db/schema so every value
 * leaves as the domain sees it (Date, objects, booleans), inside one read transaction so the
 * counts and the rows are one snapshot even if a writer was left running.
 */

export type Source = { db: BetterSQLite3Database<typeof schema>; close(): void };

const MIGRATIONS_JOURNAL = join(process.cwd(), "db", "migrations", "meta", "_journal.json");

export function openSource(file: string): Source {
  const path = resolve(file);
  if (!existsSync(path)) throw new CopyRefused(`${path} does not exist`);
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  try {
    refuseUnmigrated(sqlite, path);
    sqlite.exec("BEGIN");
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return {
    db: drizzle({ client: sqlite, schema }),
    close: () => {
      if (sqlite.inTransaction) sqlite.exec("COMMIT");
      sqlite.close();
    },
  };
}

/** The rows of a schema only partly migrated would not fit PostgreSQL's columns: the file must be on this version's last migration. */
function refuseUnmigrated(sqlite: Database.Database, path: string): void {
  const journal = JSON.parse(readFileSync(MIGRATIONS_JOURNAL, "utf8")) as { entries: { tag: string; when: number }[] };
  const hasTable = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
  if (!hasTable) {
    throw new CopyRefused(`${path} has no __drizzle_migrations table: it is not a Switchboard database, or was never migrated`);
  }
  const applied = (sqlite.prepare("select created_at from __drizzle_migrations").all() as { created_at: number }[]).map((r) =>
    Number(r.created_at),
  );
  const known = new Set(journal.entries.map((entry) => entry.when));
  const missing = journal.entries.filter((entry) => !applied.includes(entry.when)).map((entry) => entry.tag);
  const unknown = applied.filter((when) => !known.has(when)).length;
  if (unknown > 0) {
    throw new CopyRefused(
      `${path} has ${unknown} migration(s) this version does not know (${applied.length} applied, ${journal.entries.length} here): ` +
        "it was written by a newer Switchboard; run db:copy from that version",
    );
  }
  if (missing.length > 0) {
    throw new CopyRefused(
      `${path} has ${applied.length} of ${journal.entries.length} migrations applied; missing: ${missing.join(", ")}. ` +
        `Migrate it first: DATABASE_URL=${path} npm run db:migrate`,
    );
  }
}

export function countSourceRows(source: Source, name: string): number {
  return source.db.get<{ n: number }>(sql`select count(*) as n from ${sql.identifier(name)}`).n;
}

/*
 * A table in pages of `size` rows, walked by rowid (every table here is a rowid table) so each
 * page is an index range, where OFFSET would rescan all earlier rows.
 */
export function* sourceBatches(source: Source, table: SQLiteTable, size: number): Generator<Record<string, unknown>[]> {
  const columns = getTableColumns(table);
  let after = Number.MIN_SAFE_INTEGER;
  for (;;) {
    const page = source.db
      .select({ rowid: sql<number>`rowid`, row: columns })
      .from(table)
      .where(sql`rowid > ${after}`)
      .orderBy(sql`rowid`)
      .limit(size)
      .all();
    if (page.length === 0) return;
    yield page.map((entry) => entry.row as Record<string, unknown>);
    after = page.at(-1)!.rowid;
    if (page.length < size) return;
  }
}
