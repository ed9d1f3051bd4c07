import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

/*
 * Encryption at rest for CRM OAuth tokens (docs/product R34): AES-256-GCM with a key
 * derived from APP_SECRET by HKDF-SHA256, a fresh random 12-byte IV per value
 * and the 16-byte authentication tag stored beside the ciphertext. The
 * optional `context` (e.g. "acme:hubspot:access") is bound as associated
 * data, so a ciphertext copied into another row or column does not decrypt.
 *
 * Stored form: "v1.<iv>.<ciphertext>.<tag>", each part base64url. The version
 * prefix leaves room to rotate the key derivation later.
 */

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
// Fixed, public derivation inputs: they separate this key from any other use of APP_SECRET.
const HKDF_SALT = "switchboard:token-cipher";
const HKDF_INFO = "crm-oauth-tokens:aes-256-gcm:v1";

const keys = new Map<string, Buffer>();

function keyFor(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, HKDF_SALT, HKDF_INFO, 32));
    keys.set(secret, key);
  }
  return key;
}

export class TokenDecryptError extends Error {
  constructor(reason: string) {
    // never includes the value itself
    super(`Stored token could not be decrypted: ${reason}`);
    this.name = "TokenDecryptError";
  }
}

export type CipherOptions = { context?: string; secret?: string };

export function encryptToken(plaintext: string, { context = "", secret = env.APP_SECRET }: CipherOptions = {}): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keyFor(secret), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString("base64url"), body.toString("base64url"), tag.toString("base64url")].join(".");
}

export function decryptToken(stored: string, { context = "", secret = env.APP_SECRET }: CipherOptions = {}): string {
  const parts = stored.split(".");
  if (parts.length !== 4 || parts[0] !== VERSION) throw new TokenDecryptError("unknown format");
  const [, ivPart, bodyPart, tagPart] = parts;
  const iv = Buffer.from(ivPart, "base64url");
  const tag = Buffer.from(tagPart, "base64url");
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new TokenDecryptError("malformed value");
  const decipher = createDecipheriv("aes-256-gcm", keyFor(secret), iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(Buffer.from(bodyPart, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new TokenDecryptError("authentication failed (wrong key, context or a modified value)");
  }
}

/** The associated data of one token column of one integration. */
export function tokenContext(companyId: string, provider: string, kind: "access" | "refresh"): string {
  return `${companyId}:${provider}:${kind}`;
}
