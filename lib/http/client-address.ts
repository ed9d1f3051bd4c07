import { env } from "@/lib/env";

/*
 * The address a request came from, as far as this deployment can vouch for
 * it: the TCP peer (set by server.mjs, which overwrites whatever a client
 * sent under that header), or — behind TRUSTED_PROXY_HOPS reverse proxies —
 * the entry that the outermost trusted proxy appended to X-Forwarded-For.
 * Entries to the left of that one were written by the client and prove
 * nothing, so they are never used.
 */

const g = globalThis as unknown as { __switchboardPeerHeader?: string };

export function clientAddress(headers: Headers, hops: number = env.TRUSTED_PROXY_HOPS): string {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const peerHeader = g.__switchboardPeerHeader;
  const peer = peerHeader ? headers.get(peerHeader) : null;
  // Without server.mjs (next dev) Next itself puts the socket address last, unless the client sent the header.
  const chain = peer != null ? [...forwarded, peer] : forwarded;
  const chosen = chain[Math.max(0, chain.length - 1 - hops)];
  return normalizeAddress(chosen ?? "unknown");
}

/** `::ffff:10.0.0.1` is the IPv4 address 10.0.0.1; case and brackets don't make another address. */
export function normalizeAddress(address: string): string {
  const bare = address.replace(/^\[|\]$/g, "").toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(bare);
  return mapped ? mapped[1] : bare;
}
