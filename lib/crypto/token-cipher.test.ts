import { describe, expect, it } from "vitest";
import { decryptToken, encryptToken, TokenDecryptError, tokenContext } from "./token-cipher";

const secret = "unit-test-secret-0123456789-0123456789-abcdef";
const token = "pat-na1-7f3c1b2e-5d4a-4e8f-9a0b-1c2d3e4f5a6b";

describe("token cipher (AES-256-GCM, key from APP_SECRET)", () => {
  it("round-trips a token and never stores it in plain text", () => {
    const stored = encryptToken(token, { secret });
    expect(stored).not.toContain(token);
    expect(stored).toMatch(/^v1\.[\w-]{16}\.[\w-]+\.[\w-]{22}$/);
    expect(decryptToken(stored, { secret })).toBe(token);
  });

  it("uses a fresh 12-byte IV for every value", () => {
    const a = encryptToken(token, { secret });
    const b = encryptToken(token, { secret });
    expect(a).not.toBe(b);
    expect(a.split(".")[1]).not.toBe(b.split(".")[1]);
    expect(Buffer.from(a.split(".")[1], "base64url")).toHaveLength(12);
  });

  it("refuses a modified ciphertext or tag", () => {
    const [v, iv, body, tag] = encryptToken(token, { secret }).split(".");
    const flipped = Buffer.from(body, "base64url");
    flipped[0] ^= 1;
    expect(() => decryptToken([v, iv, flipped.toString("base64url"), tag].join("."), { secret })).toThrow(TokenDecryptError);
    const badTag = Buffer.from(tag, "base64url");
    badTag[3] ^= 1;
    expect(() => decryptToken([v, iv, body, badTag.toString("base64url")].join("."), { secret })).toThrow(TokenDecryptError);
  });

  it("does not decrypt with another APP_SECRET", () => {
    const stored = encryptToken(token, { secret });
    expect(() => decryptToken(stored, { secret: `${secret}-rotated` })).toThrow(TokenDecryptError);
  });

  it("binds the value to its row and column", () => {
    const access = tokenContext("acme", "hubspot", "access");
    const stored = encryptToken(token, { secret, context: access });
    expect(decryptToken(stored, { secret, context: access })).toBe(token);
    expect(() => decryptToken(stored, { secret, context: tokenContext("globex", "hubspot", "access") })).toThrow(TokenDecryptError);
    expect(() => decryptToken(stored, { secret, context: tokenContext("acme", "hubspot", "refresh") })).toThrow(TokenDecryptError);
  });

  it("refuses values that are not in the stored format, without echoing them", () => {
    for (const bad of [token, "v2.a.b.c", "v1.AAAA.BBBB.CCCC", ""]) {
      let message = "";
      try {
        decryptToken(bad, { secret });
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toMatch(/could not be decrypted/);
      if (bad) expect(message).not.toContain(bad);
    }
  });

  it("uses APP_SECRET by default", () => {
    expect(decryptToken(encryptToken(token))).toBe(token);
  });
});
