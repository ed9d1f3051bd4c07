/*
 * One answer to "did this fail because the database cannot take the request
 * right now?" (docs/security/storage-errors.md). Such a failure stored
 * nothing — SQLite rolled the statement or transaction back — so the right
 * reply is "try again", never a bare 500: webhook senders retry on 503 with
 * Retry-After, a person gets a page that says nothing was changed.
 *
 * Pure and free of server imports: the error pages (client components) use
 * the digest and the message below.
 */

export type StorageFailure = "busy" | "full" | "readonly" | "io" | "cantopen";

// Primary result codes; every extended code (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED, SQLITE_BUSY_SNAPSHOT…) maps with its primary.
const FAILURES: Record<string, StorageFailure> = {
  SQLITE_BUSY: "busy",
  SQLITE_LOCKED: "busy",
  SQLITE_FULL: "full",
  SQLITE_IOERR: "io",
  SQLITE_READONLY: "readonly",
  SQLITE_CANTOPEN: "cantopen",
};

const MAX_CAUSES = 8;

/** The kind of storage failure behind `error` (following `cause`, as drizzle and better-auth wrap the driver's error), or null. */
export function storageFailure(error: unknown): StorageFailure | null {
  let current: unknown = error;
  for (let depth = 0; depth < MAX_CAUSES && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") {
      const primary = /^SQLITE_[A-Z]+/.exec(code)?.[0];
      if (primary && primary in FAILURES) return FAILURES[primary];
    }
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

export const isStorageUnavailable = (error: unknown): boolean => storageFailure(error) !== null;

/** Seconds a sender should wait: a lock clears in moments, a full or failing disk needs someone to act. */
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
