import { resolve } from "node:path";
import { databaseLabel, engineOf } from "@/db/engine";

/*
 * A start that cannot succeed (bad configuration, a database that will not
 * open) must stop the process with one readable reason: a supervisor then
 * restarts it and a deploy stops, instead of a server answering 500 to
 * everything. A StartupError's message is written for the operator; any
 * other error is unexpected and keeps its stack.
 */
export class StartupError extends Error {
  override name = "StartupError";
}

export function describeStartupFailure(error: unknown): string {
  if (error instanceof StartupError) return error.message;
  if (error instanceof Error) return error.stack ?? error.message;
  return String(error);
}

/** Prints the reason and ends the process with a non-zero code. */
export function exitOnStartupFailure(who: string, error: unknown): never {
  process.stderr.write(`[${who}] Cannot start: ${describeStartupFailure(error)}\n`);
  process.exit(1);
}

export function databaseOpenFailure(url: string, error: unknown): StartupError {
  if (engineOf(url) === "postgres") {
    return new StartupError(
      `cannot open the database DATABASE_URL=${databaseLabel(url)}: ${reasonOf(error)}. ` +
        "Check the host, port, user, password and database name, and that the server accepts connections from here.",
    );
  }
  const where = url === ":memory:" || resolve(url) === url ? url : `${url} (${resolve(url)})`;
  return new StartupError(
    `cannot open the database DATABASE_URL=${where}: ${reasonOf(error)}. ` +
      "Point DATABASE_URL at a writable SQLite file on a persistent disk.",
  );
}

export function databaseMigrationFailure(url: string, error: unknown): StartupError {
  return new StartupError(`cannot migrate the database DATABASE_URL=${databaseLabel(url)}: ${reasonOf(error)}.`);
}

function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const explained = typeof code === "string" ? CODE_TEXT[code] : undefined;
  return explained ? `${explained} (${error.message})` : error.message;
}

const CODE_TEXT: Record<string, string> = {
  ENOTDIR: "a part of the path is a file, not a directory",
  EEXIST: "a part of the path is a file, not a directory",
  EACCES: "permission denied",
  EROFS: "the file system is read-only",
  EISDIR: "the path is a directory",
  SQLITE_CANTOPEN: "SQLite cannot open that path (a directory, or not writable)",
  SQLITE_NOTADB: "the file is not an SQLite database",
  SQLITE_READONLY: "the database is read-only",
};
