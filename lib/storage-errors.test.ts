import Database from "better-sqlite3";
import { DrizzleQueryError } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { isStorageUnavailable, retryAfterSeconds, storageFailure } from "./storage-errors";

const sqliteError = (code: string) => new Database.SqliteError("x", code);

describe("storageFailure", () => {
  it.each([
    ["SQLITE_BUSY", "busy"],
    ["SQLITE_BUSY_SNAPSHOT", "busy"],
    ["SQLITE_BUSY_TIMEOUT", "busy"],
    ["SQLITE_LOCKED", "busy"],
    ["SQLITE_LOCKED_SHAREDCACHE", "busy"],
    ["SQLITE_FULL", "full"],
    ["SQLITE_IOERR", "io"],
    ["SQLITE_IOERR_WRITE", "io"],
    ["SQLITE_IOERR_FSYNC", "io"],
    ["SQLITE_IOERR_SHMSIZE", "io"],
    ["SQLITE_READONLY", "readonly"],
    ["SQLITE_READONLY_DBMOVED", "readonly"],
    ["SQLITE_READONLY_DIRECTORY", "readonly"],
    ["SQLITE_CANTOPEN", "cantopen"],
    ["SQLITE_CANTOPEN_ISDIR", "cantopen"],
  ])("%s is %s", (code, kind) => {
    expect(storageFailure(sqliteError(code))).toBe(kind);
  });

  it.each([
    "SQLITE_CONSTRAINT_UNIQUE",
    "SQLITE_CONSTRAINT_FOREIGNKEY",
    "SQLITE_ERROR",
    "SQLITE_CORRUPT",
    "SQLITE_MISMATCH",
    "SQLITE_FULLNESS",
    "ENOSPC",
  ])("%s is not a storage failure", (code) => {
    expect(storageFailure(sqliteError(code))).toBeNull();
  });

  it("finds the driver's error inside drizzle's and any further wrapping", () => {
    const wrapped = new DrizzleQueryError("insert into events …", [], sqliteError("SQLITE_FULL"));
    expect(storageFailure(wrapped)).toBe("full");
    expect(storageFailure(new Error("outer", { cause: wrapped }))).toBe("full");
  });

  it("ignores messages, non-errors and cause loops", () => {
    expect(isStorageUnavailable(new Error("SQLITE_FULL: database or disk is full"))).toBe(false);
    expect(isStorageUnavailable("SQLITE_FULL")).toBe(false);
    expect(isStorageUnavailable({ code: "SQLITE_FULL" })).toBe(false);
    const loop = new Error("a") as Error & { cause?: unknown };
    loop.cause = loop;
    expect(isStorageUnavailable(loop)).toBe(false);
  });

  it("a real full database is one", () => {
    const sqlite = new Database(":memory:");
    sqlite.exec("create table t (x blob)");
    sqlite.pragma("max_page_count = 2");
    let thrown: unknown;
    try {
      sqlite.prepare("insert into t values (randomblob(100000))").run();
    } catch (error) {
      thrown = error;
    }
    expect(storageFailure(thrown)).toBe("full");
    sqlite.close();
  });

  it("asks a busy sender back sooner than one facing a full disk", () => {
    expect(retryAfterSeconds("busy")).toBe(1);
    expect(retryAfterSeconds("full")).toBeGreaterThan(retryAfterSeconds("busy"));
  });
});

describe("storage errors carry the fixed digest the error pages look for", () => {
  it("on the driver's error and drizzle's wrapper, and on nothing else", async () => {
    const { tagStorageErrors } = await import("@/db/storage-digest");
    const { STORAGE_UNAVAILABLE_DIGEST } = await import("./storage-errors");
    tagStorageErrors();
    tagStorageErrors(); // idempotent
    const full = sqliteError("SQLITE_FULL") as Error & { digest?: string };
    expect(full.digest).toBe(STORAGE_UNAVAILABLE_DIGEST);
    const wrapped = new DrizzleQueryError("update …", [], sqliteError("SQLITE_READONLY_DBMOVED")) as Error & { digest?: string };
    expect(wrapped.digest).toBe(STORAGE_UNAVAILABLE_DIGEST);
    const unique = sqliteError("SQLITE_CONSTRAINT_UNIQUE") as Error & { digest?: string };
    expect(unique.digest).toBeUndefined();
    // Next assigns its own digest to an error that has none; the assignment sticks
    unique.digest = "12345";
    expect(unique.digest).toBe("12345");
  });
});
