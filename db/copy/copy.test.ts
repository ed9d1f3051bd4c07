import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { getTableColumns, sql, type Column } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { createDatabase, startPostgres, type PostgresServer } from "@/lib/testing/postgres-server";
import * as sqliteSchema from "../schema/sqlite";
import * as pgSchema from "../schema/pg";
import { openPostgres } from "../postgres/connection";
import { copyDatabase } from "./copy";
import { CopyRefused } from "./refusal";
import { AUDIT_ID_STEP, AUDIT_ROWS, buildSourceDatabase } from "./source-fixture";
import { copyPlan, type TablePair } from "./tables";
import { tablesWithRows } from "./target";

/*
 * db:copy against a real PostgreSQL: every table's count and every row's values on both sides
 * (each read through its own engine's drizzle schema, as the domain reads them), the refusals,
 * the all-or-nothing transaction and the identity sequences afterwards.
 */

const plan = copyPlan();
let server: PostgresServer;
let dir: string;
let source: string;
let databases = 0;

beforeAll(async () => {
  server = await startPostgres();
  dir = mkdtempSync(join(tmpdir(), "switchboard-copy-"));
  source = join(dir, "switchboard.db");
  buildSourceDatabase(source);
});

afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const freshDatabase = () => createDatabase(server.url, `copy_${++databases}`);

/** A copy of the source file, changed by `change` through plain SQL. */
function variantOfSource(name: string, change: (sqlite: Database.Database) => void): string {
  const file = join(dir, name);
  copyFileSync(source, file);
  const sqlite = new Database(file);
  change(sqlite);
  sqlite.close();
  return file;
}

async function withTarget<T>(url: string, use: (db: ReturnType<typeof openPostgres>["db"]) => Promise<T>): Promise<T> {
  const connection = openPostgres({ url, poolSize: 1 });
  try {
    return await use(connection.db);
  } finally {
    await connection.close();
  }
}

function byPrimaryKey(table: PgTable) {
  const config = getTableConfig(table);
  const keyOf = new Map(Object.entries(getTableColumns(table)).map(([key, column]) => [(column as Column).name, key]));
  const names = [
    ...config.columns.filter((c) => c.primary).map((c) => c.name),
    ...config.primaryKeys.flatMap((pk) => pk.columns.map((c) => c.name)),
  ];
  const keys = names.map((name) => keyOf.get(name)!);
  const id = (row: Record<string, unknown>) => JSON.stringify(keys.map((key) => row[key]));
  return (rows: Record<string, unknown>[]) => [...rows].sort((a, b) => (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));
}

/** Every table: the same rows with the same values, each side read through its own schema. */
async function expectSameRows(file: string, url: string): Promise<void> {
  const sqlite = new Database(file, { readonly: true });
  const from = drizzle({ client: sqlite, schema: sqliteSchema });
  try {
    await withTarget(url, async (to) => {
      for (const table of plan as TablePair[]) {
        const sort = byPrimaryKey(table.target);
        const expected = sort(from.select().from(table.source).all() as Record<string, unknown>[]);
        const actual = sort((await to.select().from(table.target)) as Record<string, unknown>[]);
        expect(actual, table.name).toEqual(expected);
      }
    });
  } finally {
    sqlite.close();
  }
}

describe("db:copy from SQLite to PostgreSQL", () => {
  let full: string;

  it("copies every table, row for row, with matching counts", async () => {
    full = await freshDatabase();
    const announced: string[] = [];
    const result = await copyDatabase({ from: source, to: full, onTable: (table) => announced.push(table.name) });

    expect(result.ok).toBe(true);
    expect(announced).toEqual(plan.map((table) => table.name));
    // the fixture must give every table something to copy, or a skipped table would go unnoticed
    expect(result.tables.filter((table) => table.source === 0).map((table) => table.name)).toEqual([]);
    expect(result.tables.filter((table) => table.source !== table.target)).toEqual([]);
    expect(result.tables.find((table) => table.name === "audit_log")?.target).toBe(AUDIT_ROWS);
    await expectSameRows(source, full);

    await withTarget(full, async (db) => {
      // the recipients are the source's, once each: not added again by the trigger on messages
      const recipients = await db.select().from(pgSchema.messageRecipients).orderBy(pgSchema.messageRecipients.email);
      expect(recipients.map((r) => [r.messageId, r.email])).toEqual([
        ["msg_1", "ada@acme.test"],
        ["msg_1", "audit@acme.test"],
        ["msg_1", "billing@acme.test"],
      ]);
      // a JSON column left empty stays SQL NULL, not the JSON value null
      const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where before is null`);
      expect(rows[0].n).toBe(Math.floor(AUDIT_ROWS / 5));
      const triggers = await db.execute<{ enabled: string }>(sql`select tgenabled as enabled from pg_trigger where not tgisinternal`);
      expect(triggers.rows.map((t) => t.enabled)).toEqual(["O", "O", "O"]);
    });
  });

  it("refuses a target that holds rows, and with --truncate replaces them", async () => {
    await expect(copyDatabase({ from: source, to: full })).rejects.toThrow(CopyRefused);
    await expect(copyDatabase({ from: source, to: full })).rejects.toThrow(/already holds rows in 24 table\(s\): companies \(2\), /);

    await withTarget(full, (db) => db.delete(pgSchema.signInFailures));
    const result = await copyDatabase({ from: source, to: full, truncate: true });
    expect(result.ok).toBe(true);
    await expectSameRows(source, full);
  });

  it("leaves each identity sequence past the largest copied id", async () => {
    await withTarget(full, async (db) => {
      const now = new Date();
      const [audit] = await db
        .insert(pgSchema.auditLog)
        .values({ companyId: "acme", actorType: "system", actorLabel: "test", action: "a", entity: "e", createdAt: now })
        .returning({ id: pgSchema.auditLog.id });
      expect(audit.id).toBe(AUDIT_ROWS * AUDIT_ID_STEP + 1);
      const [integration] = await db
        .insert(pgSchema.integrations)
        .values({ companyId: "acme", provider: "zoho" })
        .returning({ id: pgSchema.integrations.id });
      expect(integration.id).toBe(43);
    });
  });

  it("rolls a failed copy back: an empty target stays empty, a full one keeps its rows", async () => {
    // PostgreSQL's text cannot hold a NUL character, SQLite's can: one row the target refuses, late in the order
    const broken = variantOfSource("broken.db", (sqlite) => sqlite.exec(`update message_bodies set html = 'a' || char(0) || 'b'`));
    const empty = await freshDatabase();
    await expect(copyDatabase({ from: broken, to: empty })).rejects.toThrow(
      /^copying message_bodies: invalid byte sequence for encoding "UTF8": 0x00$/,
    );
    await withTarget(empty, async (db) =>
      expect(
        await tablesWithRows(
          db,
          plan.map((t) => t.name),
        ),
      ).toEqual([]),
    );

    await expect(copyDatabase({ from: broken, to: full, truncate: true })).rejects.toThrow(
      /^copying message_bodies: invalid byte sequence for encoding "UTF8": 0x00$/,
    );
    await withTarget(full, async (db) => {
      expect((await db.select().from(pgSchema.companies)).length).toBe(2);
      expect((await db.select().from(pgSchema.auditLog)).length).toBe(AUDIT_ROWS + 1);
    });
  });

  it("refuses a source with migrations left to apply, naming them, before touching the target", async () => {
    const journal = JSON.parse(readFileSync(join(process.cwd(), "db/migrations/meta/_journal.json"), "utf8")) as {
      entries: { tag: string }[];
    };
    const behind = variantOfSource("behind.db", (sqlite) =>
      sqlite.exec("delete from __drizzle_migrations where created_at = (select max(created_at) from __drizzle_migrations)"),
    );
    const untouched = await freshDatabase();
    const total = journal.entries.length;
    await expect(copyDatabase({ from: behind, to: untouched })).rejects.toThrow(
      `has ${total - 1} of ${total} migrations applied; missing: ${journal.entries.at(-1)!.tag}`,
    );
    await withTarget(untouched, async (db) => {
      const { rows } = await db.execute<{ n: number }>(
        sql`select count(*)::int as n from pg_class where relnamespace = 'public'::regnamespace`,
      );
      expect(rows[0].n).toBe(0);
    });
  });

  it("runs as `npm run db:copy`: prints each table's counts, exits 0, and 1 when refused", async () => {
    const url = await freshDatabase();
    const run = (args: string[]) =>
      promisify(execFile)(join(process.cwd(), "node_modules/.bin/tsx"), ["scripts/db-copy.ts", ...args], { cwd: process.cwd() });

    const { stdout } = await run(["--from", source, "--to", url]);
    for (const table of plan) expect(stdout).toMatch(new RegExp(`^${table.name} +[\\d,]+ +[\\d,]+  ✓$`, "m"));
    expect(stdout).toMatch(/✓ 24 tables, [\d,]+ rows copied; every count matches \([\d.]+ s\)\./);

    const refused = await run(["--from", source, "--to", url]).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^db:copy: refused: the target already holds rows in 24 table\(s\)/);
  });
});
