import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

await vi.hoisted(async () => {
  (await import("@/lib/testing/test-database-url")).useTestDatabaseUrl("throttle");
});

import { db } from "@/db/client";
import { signInFailures } from "@/db/schema";
import { prepareTestDatabase, removeTestDatabase } from "@/lib/testing/test-database";
import { accountFailurePosition, clearAccountFailures, forgetSignInAttempt, lockedUntil, reserveSignInAttempt } from "./sign-in-throttle";

const limits = { windowMs: 15 * 60_000, perAccount: 5, perAddress: 20 };
const t0 = new Date("2026-12-01T14:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const keys = (account: string, address = "198.51.100.7") => ({ account, address });

beforeAll(() => prepareTestDatabase(db));
afterAll(() => removeTestDatabase(db));
beforeEach(async () => {
  await db.delete(signInFailures);
});

describe("sign-in throttle", () => {
  it("locks an account after five failures, whatever address they come from, until the oldest is 15 minutes old", async () => {
    for (let i = 0; i < 5; i++) {
      expect((await reserveSignInAttempt({ keys: keys("ada@acme.test", `203.0.113.${i}`), at: at(i), limits })).ok).toBe(true);
    }
    const sixth = await reserveSignInAttempt({ keys: keys("ada@acme.test", "192.0.2.1"), at: at(5), limits });
    expect(sixth).toEqual({ ok: false, scope: "account", retryAt: at(15) });
    // another account from the same addresses is not affected
    expect((await reserveSignInAttempt({ keys: keys("bill@acme.test", "203.0.113.0"), at: at(5), limits })).ok).toBe(true);
    // once the first failure has aged out, one more try is allowed, and only one
    expect((await reserveSignInAttempt({ keys: keys("ada@acme.test"), at: at(15), limits })).ok).toBe(true);
    expect(await reserveSignInAttempt({ keys: keys("ada@acme.test"), at: at(15.5), limits })).toMatchObject({
      ok: false,
      scope: "account",
    });
  });

  it("locks an address after twenty failures spread over many accounts", async () => {
    for (let i = 0; i < 20; i++) {
      expect((await reserveSignInAttempt({ keys: keys(`user${i}@acme.test`), at: at(0), limits })).ok).toBe(true);
    }
    expect(await reserveSignInAttempt({ keys: keys("someone-new@acme.test"), at: at(1), limits })).toEqual({
      ok: false,
      scope: "address",
      retryAt: at(15),
    });
    expect((await reserveSignInAttempt({ keys: keys("someone-new@acme.test", "192.0.2.99"), at: at(1), limits })).ok).toBe(true);
  });

  it("does not count an attempt that turned out right, and a proven password clears the account's failures", async () => {
    for (let i = 0; i < 4; i++) await reserveSignInAttempt({ keys: keys("ada@acme.test"), at: at(0), limits });
    const right = await reserveSignInAttempt({ keys: keys("ada@acme.test"), at: at(1), limits });
    if (!right.ok) throw new Error("expected room for a fifth attempt");
    await forgetSignInAttempt({ attemptId: right.attemptId });
    await clearAccountFailures({ account: "ada@acme.test" });
    expect(await lockedUntil({ scope: "account", key: "ada@acme.test", at: at(1), limits })).toBeNull();
    // the address keeps what it earned
    const rows = await db.select().from(signInFailures);
    expect(rows.filter((r) => r.scope === "address")).toHaveLength(4);
    expect(rows.filter((r) => r.scope === "account")).toHaveLength(0);
  });

  it("names the attempt that reached the limit, so exactly one lock is audited", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await reserveSignInAttempt({ keys: keys("ada@acme.test"), at: at(i), limits });
      if (r.ok) ids.push(r.attemptId);
    }
    const positions = [];
    for (const attemptId of ids) {
      positions.push(await accountFailurePosition({ attemptId, account: "ada@acme.test", at: at(5), windowMs: limits.windowMs }));
    }
    expect(positions).toEqual([1, 2, 3, 4, 5]);
  });

  it("forgets failures older than the window", async () => {
    for (let i = 0; i < 5; i++) await reserveSignInAttempt({ keys: keys("ada@acme.test"), at: at(0), limits });
    expect((await reserveSignInAttempt({ keys: keys("other@acme.test"), at: at(16), limits })).ok).toBe(true);
    expect(await db.select().from(signInFailures)).toHaveLength(2);
  });
});
