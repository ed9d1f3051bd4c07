import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.DATABASE_URL = `/tmp/switchboard-throttle-${process.pid}-${Date.now()}.db`;
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
beforeEach(() => {
  db.delete(signInFailures).run();
});

describe("sign-in throttle", () => {
  it("locks an account after five failures, whatever address they come from, until the oldest is 15 minutes old", () => {
    for (let i = 0; i < 5; i++) {
      expect(reserveSignInAttempt({ keys: keys("ada@acme.test", `203.0.113.${i}`), at: at(i), limits }).ok).toBe(true);
    }
    const sixth = reserveSignInAttempt({ keys: keys("ada@acme.test", "192.0.2.1"), at: at(5), limits });
    expect(sixth).toEqual({ ok: false, scope: "account", retryAt: at(15) });
    // another account from the same addresses is not affected
    expect(reserveSignInAttempt({ keys: keys("bill@acme.test", "203.0.113.0"), at: at(5), limits }).ok).toBe(true);
    // once the first failure has aged out, one more try is allowed, and only one
    expect(reserveSignInAttempt({ keys: keys("ada@acme.test"), at: at(15), limits }).ok).toBe(true);
    expect(reserveSignInAttempt({ keys: keys("ada@acme.test"), at: at(15.5), limits })).toMatchObject({ ok: false, scope: "account" });
  });

  it("locks an address after twenty failures spread over many accounts", () => {
    for (let i = 0; i < 20; i++) {
      expect(reserveSignInAttempt({ keys: keys(`user${i}@acme.test`), at: at(0), limits }).ok).toBe(true);
    }
    expect(reserveSignInAttempt({ keys: keys("someone-new@acme.test"), at: at(1), limits })).toEqual({
      ok: false,
      scope: "address",
      retryAt: at(15),
    });
    expect(reserveSignInAttempt({ keys: keys("someone-new@acme.test", "192.0.2.99"), at: at(1), limits }).ok).toBe(true);
  });

  it("does not count an attempt that turned out right, and a proven password clears the account's failures", () => {
    for (let i = 0; i < 4; i++) reserveSignInAttempt({ keys: keys("ada@acme.test"), at: at(0), limits });
    const right = reserveSignInAttempt({ keys: keys("ada@acme.test"), at: at(1), limits });
    if (!right.ok) throw new Error("expected room for a fifth attempt");
    forgetSignInAttempt({ attemptId: right.attemptId });
    clearAccountFailures({ account: "ada@acme.test" });
    expect(lockedUntil({ scope: "account", key: "ada@acme.test", at: at(1), limits })).toBeNull();
    // the address keeps what it earned
    const rows = db.select().from(signInFailures).all();
    expect(rows.filter((r) => r.scope === "address")).toHaveLength(4);
    expect(rows.filter((r) => r.scope === "account")).toHaveLength(0);
  });

  it("names the attempt that reached the limit, so exactly one lock is audited", () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = reserveSignInAttempt({ keys: keys("ada@acme.test"), at: at(i), limits });
      if (r.ok) ids.push(r.attemptId);
    }
    const positions = ids.map((attemptId) =>
      accountFailurePosition({ attemptId, account: "ada@acme.test", at: at(5), windowMs: limits.windowMs }),
    );
    expect(positions).toEqual([1, 2, 3, 4, 5]);
  });

  it("forgets failures older than the window", () => {
    for (let i = 0; i < 5; i++) reserveSignInAttempt({ keys: keys("ada@acme.test"), at: at(0), limits });
    expect(reserveSignInAttempt({ keys: keys("other@acme.test"), at: at(16), limits }).ok).toBe(true);
    expect(db.select().from(signInFailures).all()).toHaveLength(2);
  });
});
