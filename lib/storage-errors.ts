import { DrizzleQueryError } from "drizzle-orm/errors";

/*
 * One answer to "did this fail because the database cannot take the request
 * right now?" (docs/security/storage-errors.md). Such a failure stored
 * nothing — SQLite rolls the statement or transaction back, PostgreSQL the
 * transaction — so the right reply is "try again", never a bare 500: webhook
 * senders retry on 503 with Retry-After, a person gets a page that says
 * nothing was changed. (A PostgreSQL connection lost during COMMIT leaves
 * unknown whether the commit landed; events and delivery webhooks are stored
 * once per id, so the retry is then answered as a duplicate.)
 *
 * Pure and free of server imports (drizzle's error classes are plain code):
 * the error pages (client components) use the digest and the message below.
 */

export type StorageFailure = "busy" | "full" | "readonly" | "io" | "cantopen" | "unreachable" | "timeout";

/** The failure's kind and the code it was recognised by, as the health check names it (no message, no path). */
export type StorageFailureDetail = { failure: StorageFailure; code: string };

// SQLite: primary result codes; every extended code (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED, SQLITE_BUSY_SNAPSHOT…) maps with its primary.
const SQLITE: Record<string, StorageFailure> = {
  SQLITE_BUSY: "busy",
  SQLITE_LOCKED: "busy",
  SQLITE_FULL: "full",
  SQLITE_IOERR: "io",
  SQLITE_READONLY: "readonly",
  SQLITE_CANTOPEN: "cantopen",
};

/*
 * PostgreSQL: the SQLSTATEs (node-postgres's DatabaseError `code`) after which the transaction
 * was rolled back and the same request can succeed later, with their condition names. A
 * failover or restart terminates connections (57P01, 57P02) and refuses new ones while the
 * server starts or stops (57P03); a standby, or a server set read-only when its disk fills,
 * refuses writes (25006); a conflict between transactions (40001, 40P01, 55P03) clears in
 * moments, as SQLite's busy lock does. Constraint violations, syntax errors and the like are not
 * here: they are faults, and stay a 500.
 */
const POSTGRES: Record<string, [StorageFailure, string]> = {
  "08000": ["unreachable", "connection_exception"],
  "08001": ["unreachable", "sqlclient_unable_to_establish_sqlconnection"],
  "08003": ["unreachable", "connection_does_not_exist"],
  "08004": ["unreachable", "sqlserver_rejected_establishment_of_sqlconnection"],
  "08006": ["unreachable", "connection_failure"],
  "57P01": ["unreachable", "admin_shutdown"],
  "57P02": ["unreachable", "crash_shutdown"],
  "57P03": ["unreachable", "cannot_connect_now"],
  "53300": ["unreachable", "too_many_connections"],
  "25006": ["readonly", "read_only_sql_transaction"],
  "53100": ["full", "disk_full"],
  "58030": ["io", "io_error"],
  "57014": ["timeout", "query_canceled"],
  "40001": ["busy", "serialization_failure"],
  "40P01": ["busy", "deadlock_detected"],
  "55P03": ["busy", "lock_not_available"],
};

/*
 * The socket errors node-postgres passes on when the server cannot be reached or the
 * connection drops, and the fixed messages it gives, without a code, to a connection that
 * ended under a query. Other clients (an HTTP call to the email provider) meet the same errno
 * codes, so these count only where the database driver puts them: as the error itself (the
 * pool's connect) or as the cause of drizzle's DrizzleQueryError.
 */
const NETWORK: Record<string, StorageFailure> = {
  ECONNREFUSED: "unreachable",
  ECONNRESET: "unreachable",
  EHOSTUNREACH: "unreachable",
  ENETUNREACH: "unreachable",
  EPIPE: "unreachable",
  EAI_AGAIN: "unreachable",
  ETIMEDOUT: "timeout",
};
const CONNECTION_LOST = new Set(["Connection terminated unexpectedly", "Client has encountered a connection error and is not queryable"]);

const MAX_CAUSES = 8;

/** The kind of storage failure behind `error` (following `cause`, as drizzle and better-auth wrap the driver's error), or null. */
export function storageFailure(error: unknown): StorageFailure | null {
  return storageFailureDetail(error)?.failure ?? null;
}

export function storageFailureDetail(error: unknown): StorageFailureDetail | null {
  let current: unknown = error;
  let fromDriver = true;
  for (let depth = 0; depth < MAX_CAUSES && current instanceof Error; depth++) {
    const found = recognise(current, fromDriver);
    if (found) return found;
    fromDriver = current instanceof DrizzleQueryError;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

function recognise(error: Error, fromDriver: boolean): StorageFailureDetail | null {
  const { code, severity } = error as { code?: unknown; severity?: unknown };
  if (typeof code === "string") {
    const primary = /^SQLITE_[A-Z]+/.exec(code)?.[0];
    if (primary && primary in SQLITE) return { failure: SQLITE[primary], code: primary };
    // node-postgres's DatabaseError: a server's error always carries its severity (ERROR, FATAL, PANIC)
    if (typeof severity === "string" && Object.hasOwn(POSTGRES, code)) {
      const [failure, name] = POSTGRES[code];
      return { failure, code: `${code} ${name}` };
    }
    if (fromDriver && Object.hasOwn(NETWORK, code)) return { failure: NETWORK[code], code };
  }
  if (fromDriver && code === undefined && CONNECTION_LOST.has(error.message)) return { failure: "unreachable", code: "connection lost" };
  return null;
}

export const isStorageUnavailable = (error: unknown): boolean => storageFailure(error) !== null;

/** Seconds a sender should wait: a lock clears in moments; a full or failing disk, or a failover, takes longer. */
export function retryAfterSeconds(failure: StorageFailure): number {
  return failure === "busy" ? 1 : 30;
}

/** What a JSON API answers for a storage failure: 503, Retry-After, an error body naming no path. */
export function storageUnavailableResponse(failure: StorageFailure): Response {
  return Response.json(
    { error: failure === "busy" ? "Busy; retry shortly. Nothing was stored." : "Storage is unavailable; retry later. Nothing was stored." },
    { status: 503, headers: { "retry-after": String(retryAfterSeconds(failure)) } },
  );
}

/*
 * Next.js sends a server error to the browser without its message, with only
 * its `digest`; an error that already has one keeps it. Storage errors carry
 * this fixed digest (db/storage-digest.ts), so the error pages can tell a
 * person the database is the problem without leaking anything else.
 */
export const STORAGE_UNAVAILABLE_DIGEST = "SWITCHBOARD_STORAGE_UNAVAILABLE";

export const STORAGE_UNAVAILABLE_MESSAGE = "Switchboard can't reach its database right now. Nothing was changed. Try again in a minute.";
