import type Database from "better-sqlite3";

/*
 * How the SQLite engine (db/connection.ts) runs drizzle's statements:
 * drizzle's asynchronous SQLite interface hands over SQL text, parameters and
 * what it wants back, and expects rows as arrays of column values.
 *
 * Statements are compiled once per text and kept (500, least recently used
 * dropped): drizzle sends the same SQL text again on every call, and
 * compiling it again was 9 % of an ingested event's CPU
 * (docs/decisions/0005-prepared-statement-cache.md). A statement still
 * iterating is never handed out twice.
 */
const STATEMENT_CACHE_SIZE = 500;

export type Method = "run" | "all" | "values" | "get";

export function cachedStatements(sqlite: Database.Database) {
  const cache = new Map<string, Database.Statement>();
  const statementFor = (text: string): Database.Statement => {
    const cached = cache.get(text);
    if (cached && !cached.busy) {
      cache.delete(text); // most recently used goes last
      cache.set(text, cached);
      return cached;
    }
    const statement = sqlite.prepare(text);
    if (!cached) {
      cache.set(text, statement);
      if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
    return statement;
  };

  return (text: string, params: unknown[], method: Method): { rows: unknown[] } => {
    const statement = statementFor(text);
    if (!statement.reader) {
      statement.run(...params);
      return { rows: [] };
    }
    statement.raw(true);
    // "get" wants the first row itself; drizzle limits such queries itself where it matters
    if (method === "get") return { rows: statement.get(...params) as unknown[] };
    return { rows: statement.all(...params) };
  };
}
