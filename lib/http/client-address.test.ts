import { afterEach, describe, expect, it } from "vitest";
import { clientAddress, normalizeAddress } from "./client-address";

const g = globalThis as unknown as { __switchboardPeerHeader?: string };
const headers = (h: Record<string, string>) => new Headers(h);

describe("clientAddress behind server.mjs", () => {
  afterEach(() => {
    delete g.__switchboardPeerHeader;
  });

  it("uses the socket's address and ignores a client's X-Forwarded-For when no proxy is trusted", () => {
    g.__switchboardPeerHeader = "x-switchboard-peer";
    const h = headers({ "x-forwarded-for": "6.6.6.6", "x-switchboard-peer": "203.0.113.9" });
    expect(clientAddress(h, 0)).toBe("203.0.113.9");
  });

  it("takes the entry the trusted proxy appended, never the ones the client wrote before it", () => {
    g.__switchboardPeerHeader = "x-switchboard-peer";
    // client forged "6.6.6.6"; the proxy (10.0.0.2) appended the real client 198.51.100.4
    const h = headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.4", "x-switchboard-peer": "10.0.0.2" });
    expect(clientAddress(h, 1)).toBe("198.51.100.4");
    // two proxies: the outer one appended the client, the inner one appended the outer proxy
    const two = headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.4, 10.0.0.1", "x-switchboard-peer": "10.0.0.2" });
    expect(clientAddress(two, 2)).toBe("198.51.100.4");
  });

  it("falls back to the leftmost entry when the chain is shorter than the trusted hops (a misconfiguration)", () => {
    g.__switchboardPeerHeader = "x-switchboard-peer";
    expect(clientAddress(headers({ "x-switchboard-peer": "10.0.0.2" }), 3)).toBe("10.0.0.2");
  });
});

describe("clientAddress without server.mjs (next dev)", () => {
  it("uses the last X-Forwarded-For entry, which Next sets from the socket", () => {
    expect(clientAddress(headers({ "x-forwarded-for": "127.0.0.1" }), 0)).toBe("127.0.0.1");
    expect(clientAddress(headers({}), 0)).toBe("unknown");
  });
});

describe("normalizeAddress", () => {
  it("treats IPv4-mapped IPv6 as the IPv4 address", () => {
    expect(normalizeAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress("[2001:DB8::1]")).toBe("2001:db8::1");
  });
});
