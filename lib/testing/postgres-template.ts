import pg from "pg";
import { migratePostgres, openPostgres } from "@/db/postgres/connection";
import { createDatabase } from "./postgres-server";

/*
 * Each PostgreSQL test file gets its own database, copied from one migrated template
 * (CREATE DATABASE … TEMPLATE: a file copy, instead of running every migration again).
 */
export const TEMPLATE_DATABASE = "sb_template";

/** On a fresh server: the template, migrated. `server` is the server's URL. */
export async function createTemplate(server: string): Promise<void> {
  const url = await createDatabase(server, TEMPLATE_DATABASE);
  const { db, close } = openPostgres({ url, poolSize: 1 });
  try {
    await migratePostgres(db);
  } finally {
    await close();
  }
}

/** Creates the database `url` names, as a copy of the template. */
export async function createDatabaseFromTemplate(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  target.pathname = "/postgres";
  await createDatabase(target.toString(), name, { template: TEMPLATE_DATABASE });
}

export async function dropDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  target.pathname = "/postgres";
  const client = new pg.Client({ connectionString: target.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
