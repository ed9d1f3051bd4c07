import { describe, expect, it } from "vitest";
import { openPostgres, poolSizeFromEnv } from "./connection";

describe("the PostgreSQL pool size", () => {
  it("is DATABASE_POOL_SIZE when set, else 10", () => {
    expect(poolSizeFromEnv(undefined)).toBe(10);
    expect(poolSizeFromEnv("")).toBe(10);
    expect(poolSizeFromEnv("25")).toBe(25);
  });

  it("refuses a size that is not a positive integer", () => {
    for (const bad of ["0", "-3", "2.5", "ten"])
      expect(() => poolSizeFromEnv(bad)).toThrow(/DATABASE_POOL_SIZE must be a positive integer/);
  });

  it("bounds the pool's connections (no connection is opened until the first query)", async () => {
    const connection = openPostgres({ url: "postgres://postgres@127.0.0.1:1/none", poolSize: 3 });
    expect(connection.pool.options.max).toBe(3);
    expect(connection.db.$client).toBe(connection.pool);
    await connection.close();
  });
});
