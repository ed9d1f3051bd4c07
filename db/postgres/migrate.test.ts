import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, is, sql } from "drizzle-orm";
import { getTableConfig, PgDialect, PgTable } from "drizzle-orm/pg-core";
import { startPostgres, type PostgresServer } from "@/lib/testing/postgres-server";
import * as pgSchema from "../schema/pg";
import { migratePostgres, openPostgres, type PostgresConnection } from "./connection";

/*
 * The committed migrations against a real server: what they build must be what db/schema/pg
 * declares (a column or index added to one and not generated into the other fails here), and
 * migrating again changes nothing.
 */

const tables = (Object.values(pgSchema) as unknown[])
  .filter((value): value is PgTable => is(value, PgTable))
  .map((table) => getTableConfig(table));
const dialect = new PgDialect();
const ON_DELETE: Record<string, string> = { a: "no action", r: "restrict", c: "cascade", n: "set null", d: "set default" };

let server: PostgresServer;
let connection: PostgresConnection;

beforeAll(async () => {
  server = await startPostgres();
  connection = openPostgres({ url: server.url, poolSize: 2 });
  await migratePostgres(connection.db);
});

afterAll(async () => {
  await connection?.close();
  await server?.stop();
});

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return (await connection.db.execute(query)).rows as T[];
}

function columnsSnapshot() {
  return rows<{ line: string }>(sql`
    select c.table_name || '.' || c.column_name || ': ' || format_type(a.atttypid, a.atttypmod)
      || case when c.is_nullable = 'YES' then ' null' else ' not null' end
      || case when c.is_identity = 'YES' then ' identity' when c.column_default is not null then ' default' else '' end as line
    from information_schema.columns c
    join pg_attribute a on a.attrelid = ('public.' || quote_ident(c.table_name))::regclass and a.attname = c.column_name
    where c.table_schema = 'public' order by line`).then((r) => r.map((row) => row.line));
}

describe("db/migrations-pg on a real PostgreSQL", () => {
  it("creates exactly the tables of the schema", async () => {
    const actual = await rows<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    expect(actual.map((r) => r.table_name).sort()).toEqual(tables.map((t) => t.name).sort());
  });

  it("creates every column with the schema's type, nullability and default", async () => {
    const expected = tables.flatMap((table) =>
      table.columns.map((c) => {
        const type = c.getSQLType().replace(" (", "(");
        const extra = c.generatedIdentity ? " identity" : c.hasDefault ? " default" : "";
        return `${table.name}.${c.name}: ${type}${c.notNull ? " not null" : " null"}${extra}`;
      }),
    );
    expect(await columnsSnapshot()).toEqual(expected.sort());
  });

  it("creates every index, primary key and unique constraint of the schema", async () => {
    const actual = await rows<{ indexdef: string }>(sql`select indexdef from pg_indexes where schemaname = 'public'`);
    const parsed = actual
      .map(({ indexdef }) => {
        const m = /^CREATE (UNIQUE )?INDEX (\S+) ON public\.(\S+) USING btree \((.+?)\)(?: WHERE \((.*)\))?$/.exec(indexdef);
        if (!m) return `unparsed: ${indexdef}`;
        const [, unique, name, table, columns, where] = m;
        const kind = name.endsWith("_pkey") || name.endsWith("_pk") ? "primary key" : unique ? "unique" : "index";
        const label = kind === "primary key" ? "" : ` ${name}`;
        return `${table.replace(/"/g, "")}: ${kind}${label} (${columns.replace(/"/g, "")})${where ? ` where ${where.replace(/::text/g, "")}` : ""}`;
      })
      .sort();
    const expected = tables
      .flatMap((table) => [
        ...table.columns.filter((c) => c.primary).map((c) => `${table.name}: primary key (${c.name})`),
        ...table.primaryKeys.map((pk) => `${table.name}: primary key (${pk.columns.map((c) => c.name).join(", ")})`),
        ...table.columns.filter((c) => c.isUnique).map((c) => `${table.name}: unique ${c.uniqueName} (${c.name})`),
        ...table.uniqueConstraints.map((u) => `${table.name}: unique ${u.getName()} (${u.columns.map((c) => c.name).join(", ")})`),
        ...table.indexes.map(({ config: index }) => {
          const columns = (index.columns as { name: string }[]).map((c) => c.name).join(", ");
          const where = index.where ? ` where ${dialect.sqlToQuery(index.where).sql}` : "";
          return `${table.name}: ${index.unique ? "unique" : "index"} ${index.name} (${columns})${where}`;
        }),
      ])
      .sort();
    expect(parsed).toEqual(expected);
  });

  it("creates every foreign key with its on-delete rule", async () => {
    const actual = await rows<{ line: string; action: string }>(sql`
      select conrelid::regclass::text || ' ' || conname || ' → ' || confrelid::regclass::text as line, confdeltype as action
      from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace`);
    const expected = tables.flatMap((table) =>
      table.foreignKeys.map((fk) => {
        const target = getTableConfig(fk.reference().foreignTable).name;
        return `${table.name} ${fk.getName()} → ${target} on delete ${fk.onDelete ?? "no action"}`;
      }),
    );
    const normalised = actual.map((r) => `${r.line.replace(/"/g, "")} on delete ${ON_DELETE[r.action]}`);
    expect(normalised.sort()).toEqual(expected.sort());
  });

  it("migrating again applies nothing and changes nothing", async () => {
    const count = () => rows<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`).then((r) => r[0].n);
    const [before, columns] = [await count(), await columnsSnapshot()];
    await migratePostgres(connection.db);
    expect(await count()).toBe(before);
    expect(before).toBeGreaterThan(0);
    expect(await columnsSnapshot()).toEqual(columns);
  });

  it("keeps message_recipients in step with messages, as the SQLite triggers do", async () => {
    const { db } = connection;
    const plannedAt = new Date("2026-03-01T10:00:00.123Z");
    await db.insert(pgSchema.companies).values({ id: "acme", name: "Acme" });
    await db.insert(pgSchema.notifications).values({ id: "n1", companyId: "acme", kind: "test", props: {}, createdAt: plannedAt });
    await db.insert(pgSchema.messages).values({
      id: "m1",
      notificationId: "n1",
      companyId: "acme",
      kind: "test",
      to: [" Ann@Example.com ", "bob@example.com", "bob@example.com"],
      bcc: "Audit@Example.com",
      idempotencyKey: "k1",
      plannedAt,
      updatedAt: plannedAt,
    });
    const recipients = () =>
      db
        .select()
        .from(pgSchema.messageRecipients)
        .orderBy(pgSchema.messageRecipients.email)
        .then((r) => r.map((x) => [x.email, x.plannedAt]));
    expect(await recipients()).toEqual([
      ["ann@example.com", plannedAt],
      ["audit@example.com", plannedAt],
      ["bob@example.com", plannedAt],
    ]);

    const replanned = new Date("2026-03-02T08:00:00.456Z");
    await db.update(pgSchema.messages).set({ plannedAt: replanned }).where(eq(pgSchema.messages.id, "m1"));
    expect((await recipients()).map(([, at]) => at)).toEqual([replanned, replanned, replanned]);

    await db.delete(pgSchema.messages).where(eq(pgSchema.messages.id, "m1"));
    expect(await recipients()).toEqual([]);
  });
});
