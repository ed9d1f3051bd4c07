import Database from "better-sqlite3";
import { DrizzleQueryError, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { TEST_POSTGRES_SERVER } from "@/lib/testing/test-database-url";
import { isStorageUnavailable, retryAfterSeconds, storageFailure, storageFailureDetail } from "./storage-errors";

const sqliteError = (code: string) => new Database.SqliteError("x", code);

// node-postgres's error for a server's ErrorResponse, as its parser fills it in
function postgresError(code: string, severity = "ERROR"): pg.DatabaseError {
  const error = new pg.DatabaseError("x", 1, "error");
  error.code = code;
  error.severity = severity;
  return error;
}

const socketError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: "connect" });

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

describe("storageFailure on PostgreSQL", () => {
  it.each([
    ["57P01", "FATAL", "unreachable"],
    ["57P02", "FATAL", "unreachable"],
    ["57P03", "FATAL", "unreachable"],
    ["08006", "FATAL", "unreachable"],
    ["08001", "FATAL", "unreachable"],
    ["53300", "FATAL", "unreachable"],
    ["25006", "ERROR", "readonly"],
    ["53100", "ERROR", "full"],
    ["58030", "ERROR", "io"],
    ["57014", "ERROR", "timeout"],
    ["40001", "ERROR", "busy"],
    ["40P01", "ERROR", "busy"],
    ["55P03", "ERROR", "busy"],
  ])("%s (%s) is %s", (code, severity, kind) => {
    expect(storageFailure(postgresError(code, severity))).toBe(kind);
    expect(storageFailure(new DrizzleQueryError("insert into events …", [], postgresError(code, severity)))).toBe(kind);
  });

  it.each(["23505", "23503", "42P01", "42703", "22P02", "3D000", "28P01", "XX000"])("%s is not a storage failure", (code) => {
    expect(storageFailure(postgresError(code))).toBeNull();
  });

  it("a SQLSTATE counts only on an error the server sent (one with a severity)", () => {
    expect(storageFailure(Object.assign(new Error("x"), { code: "25006" }))).toBeNull();
  });

  it("names the code it went by, with PostgreSQL's condition name", () => {
    expect(storageFailureDetail(postgresError("25006"))).toEqual({ failure: "readonly", code: "25006 read_only_sql_transaction" });
    expect(storageFailureDetail(socketError("ECONNREFUSED"))).toEqual({ failure: "unreachable", code: "ECONNREFUSED" });
    expect(storageFailureDetail(sqliteError("SQLITE_READONLY_DBMOVED"))).toEqual({ failure: "readonly", code: "SQLITE_READONLY" });
  });

  it("a socket error or a lost connection counts where the driver puts it, not under another client's error", () => {
    for (const code of ["ECONNREFUSED", "ECONNRESET", "EHOSTUNREACH", "EPIPE"]) {
      expect(storageFailure(socketError(code))).toBe("unreachable");
      expect(storageFailure(new Error("outer", { cause: new DrizzleQueryError("select …", [], socketError(code)) }))).toBe("unreachable");
      // how fetch reports an unreachable email provider
      expect(storageFailure(new TypeError("fetch failed", { cause: socketError(code) }))).toBeNull();
    }
    expect(storageFailure(socketError("ETIMEDOUT"))).toBe("timeout");
    expect(storageFailure(socketError("ENOTFOUND"))).toBeNull();
    const lost = new Error("Connection terminated unexpectedly");
    expect(storageFailure(new DrizzleQueryError("update …", [], lost))).toBe("unreachable");
    expect(storageFailure(new Error("outer", { cause: new Error("inner", { cause: lost }) }))).toBeNull();
    expect(storageFailure(new Error("Connection terminated unexpectedly, and more"))).toBeNull();
  });

  it("a real refused connection, through drizzle", async () => {
    const pool = new pg.Pool({ connectionString: "postgres://switchboard@127.0.0.1:1/switchboard" });
    const thrown = await drizzle({ client: pool })
      .execute(sql`select 1`)
      .catch((e: unknown) => e);
    await pool.end();
    expect(thrown).toBeInstanceOf(DrizzleQueryError);
    expect(storageFailure(thrown)).toBe("unreachable");
  });

  // needs the PostgreSQL server the suite starts with TEST_ENGINE=postgres
  it.runIf(Boolean(process.env[TEST_POSTGRES_SERVER]))(
    "real ones from a server: read-only, statement timeout, terminated connection",
    async () => {
      const client = new pg.Client({ connectionString: process.env[TEST_POSTGRES_SERVER] });
      client.on("error", () => undefined); // the terminated connection reports its end here too
      await client.connect();
      const failureOf = (text: string) =>
        client.query(text).then(
          () => null,
          (e: unknown) => storageFailure(e),
        );
      try {
        expect(await failureOf("begin read only; create temporary table t (x int); commit")).toBe("readonly");
        await client.query("rollback");
        expect(await failureOf("set statement_timeout = 10; select pg_sleep(1)")).toBe("timeout");
        await client.query("reset statement_timeout");
        expect(await failureOf("select x from no_such_table")).toBeNull();
        expect(await failureOf("select pg_terminate_backend(pg_backend_pid())")).toBe("unreachable");
      } finally {
        await client.end().catch(() => undefined);
      }
    },
  );

  it.runIf(Boolean(process.env[TEST_POSTGRES_SERVER]))("a real one from drizzle's transaction whose connection is terminated", async () => {
    const pool = new pg.Pool({ connectionString: process.env[TEST_POSTGRES_SERVER] });
    // a checked-out connection that ends emits "error" too; unheard, it would end the process
    pool.on("connect", (client) => client.on("error", () => undefined));
    try {
      // drizzle's ROLLBACK then fails on the dead connection, and its error replaces the server's 57P01
      const thrown = await drizzle({ client: pool })
        .transaction(async (tx) => {
          await tx.execute(sql`select pg_terminate_backend(pg_backend_pid())`);
        })
        .catch((e: unknown) => e);
      expect(thrown).toBeInstanceOf(Error);
      expect(storageFailure(thrown)).toBe("unreachable");
    } finally {
      await pool.end();
    }
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
    const failover = new DrizzleQueryError("insert …", [], postgresError("57P01", "FATAL")) as Error & { digest?: string };
    expect(failover.digest).toBe(STORAGE_UNAVAILABLE_DIGEST);
    const duplicate = new DrizzleQueryError("insert …", [], postgresError("23505")) as Error & { digest?: string };
    expect(duplicate.digest).toBeUndefined();
    const unique = sqliteError("SQLITE_CONSTRAINT_UNIQUE") as Error & { digest?: string };
    expect(unique.digest).toBeUndefined();
    // Next assigns its own digest to an error that has none; the assignment sticks
    unique.digest = "12345";
    expect(unique.digest).toBe("12345");
  });
});
