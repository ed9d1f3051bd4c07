import Database from "better-sqlite3";
import pg from "pg";
import { DrizzleQueryError } from "drizzle-orm";
import { STORAGE_UNAVAILABLE_DIGEST, isStorageUnavailable } from "@/lib/storage-errors";

/*
 * Gives every storage failure (lib/storage-errors.ts) the fixed Next.js
 * digest STORAGE_UNAVAILABLE_DIGEST. Next keeps a digest an error already
 * has and sends only the digest to the browser, so app/error.tsx and its
 * siblings can say "the database is unavailable" for a page or a server
 * action that failed on a full or read-only disk, and nothing more. The
 * errors are thrown deep inside the driver and drizzle, from any page, so the
 * digest is a property of the two error classes rather than a wrapper around
 * every call. Any other error gets no digest here and Next hashes its own.
 */
const KEY = Symbol.for("switchboard.digest");

function defineDigest(proto: object): void {
  if (Object.prototype.hasOwnProperty.call(proto, "digest")) return;
  Object.defineProperty(proto, "digest", {
    configurable: true,
    get(this: Error & { [KEY]?: string }) {
      return this[KEY] ?? (isStorageUnavailable(this) ? STORAGE_UNAVAILABLE_DIGEST : undefined);
    },
    set(this: Error & { [KEY]?: string }, value: string) {
      this[KEY] = value;
    },
  });
}

export function tagStorageErrors(): void {
  defineDigest(Database.SqliteError.prototype);
  // node-postgres's own, for what fails before drizzle wraps it (a connection refused at a transaction's start)
  defineDigest(pg.DatabaseError.prototype);
  defineDigest(DrizzleQueryError.prototype);
}
