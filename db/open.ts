import { openDatabase, type DB } from "./connection";
import { engineOf } from "./engine";
import { openPostgresDatabase } from "./postgres/database";

/** The database a `DATABASE_URL` names, on its engine (db/engine.ts): a PostgreSQL pool or the SQLite file. */
export function openDatabaseAt(url: string): DB {
  return engineOf(url) === "postgres" ? openPostgresDatabase(url) : openDatabase(url);
}
