import { describe, expect, it } from "vitest";
import { BODY_READING_ROUTES, createNonce, FRAMED_EMAIL_CSP, securityHeaders, withSecurityHeaders } from "./security-headers";

const base = { nonce: "bm9uY2U=", appUrl: "http://localhost:3000", development: false };
const directives = (csp: string) => new Map(csp.split(/;\s*/).map((d) => [d.split(" ")[0], d] as const));

describe("securityHeaders", () => {
  it("pages: scripts by this response's nonce only, never framed", () => {
    const h = securityHeaders({ ...base, pathname: "/integrations" });
    const csp = directives(h["content-security-policy"]);
    expect(csp.get("script-src")).toBe("script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic'");
    expect(csp.get("frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(csp.get("object-src")).toBe("object-src 'none'");
    expect(csp.get("base-uri")).toBe("base-uri 'none'");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("same-origin");
  });

  it("production scripts never get unsafe-inline, unsafe-eval or a host wildcard", () => {
    for (const pathname of ["/", "/sign-in", "/oauth-sandbox/zoho/authorize", "/no-such-page"]) {
      const scripts = directives(securityHeaders({ ...base, pathname })["content-security-policy"]).get("script-src")!;
      expect(scripts).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
    }
  });

  it("development adds unsafe-eval for React's dev tooling, and nothing else", () => {
    const dev = securityHeaders({ ...base, development: true, pathname: "/" })["content-security-policy"];
    const prod = securityHeaders({ ...base, pathname: "/" })["content-security-policy"];
    expect(directives(dev).get("script-src")).toBe("script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic' 'unsafe-eval'");
    expect(dev.replace(" 'unsafe-eval'", "")).toBe(prod);
  });

  it("the gallery's email HTML: framed by the app only, sandboxed, no scripts", () => {
    const h = securityHeaders({ ...base, pathname: "/notifications/emails/reauth/html" });
    expect(h["content-security-policy"]).toBe(FRAMED_EMAIL_CSP);
    const csp = directives(FRAMED_EMAIL_CSP);
    expect(csp.get("frame-ancestors")).toBe("frame-ancestors 'self'");
    expect(csp.get("sandbox")).toBe("sandbox");
    expect(csp.get("default-src")).toBe("default-src 'none'");
    expect(csp.has("script-src")).toBe(false);
    expect(h["x-frame-options"]).toBe("SAMEORIGIN");
  });

  it("only that route may be framed: its page and look-alike paths may not", () => {
    for (const pathname of ["/notifications/emails/reauth", "/notifications/emails/reauth/html/x", "/notifications/emails/html"]) {
      const h = securityHeaders({ ...base, pathname });
      expect(directives(h["content-security-policy"]).get("frame-ancestors"), pathname).toBe("frame-ancestors 'none'");
      expect(h["x-frame-options"]).toBe("DENY");
    }
  });

  it("API routes and static files: nothing may load, run or frame them", () => {
    for (const pathname of ["/api/health", "/api/integrations/hubspot/callback", "/_next/static/chunks/a.js"]) {
      const h = securityHeaders({ ...base, pathname });
      expect(h["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
      expect(h["x-frame-options"]).toBe("DENY");
      expect(h["x-content-type-options"]).toBe("nosniff");
      expect(h["referrer-policy"]).toBe("no-referrer");
    }
  });

  it("HSTS and upgrade-insecure-requests only when APP_URL is https", () => {
    for (const pathname of ["/integrations", "/api/health", "/notifications/emails/reauth/html"]) {
      const https = securityHeaders({ ...base, appUrl: "https://switchboard.example.com", pathname });
      expect(https["strict-transport-security"]).toBe("max-age=31536000");
      const http = securityHeaders({ ...base, pathname });
      expect(http).not.toHaveProperty("strict-transport-security");
    }
    expect(securityHeaders({ ...base, appUrl: "HTTPS://Switchboard.example.com", pathname: "/" })).toHaveProperty(
      "strict-transport-security",
    );
    const page = (appUrl: string) => securityHeaders({ ...base, appUrl, pathname: "/" })["content-security-policy"];
    expect(page("https://switchboard.example.com")).toMatch(/; upgrade-insecure-requests$/);
    expect(page("http://127.0.0.1:3100")).not.toContain("upgrade-insecure-requests");
  });
});

describe("createNonce", () => {
  it("is base64 of 16 random bytes, new every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
  });
});

describe("the routes that bypass the proxy", () => {
  it("are exactly the ones the proxy's matcher leaves out", async () => {
    const { config } = await import("@/proxy");
    const [matcher] = config.matcher;
    const matches = (path: string) => new RegExp(`^${matcher}$`).test(path);
    for (const route of BODY_READING_ROUTES) expect(matches(route), route).toBe(false);
    for (const path of [
      "/",
      "/integrations",
      "/api/health",
      "/api/integration-events/extra",
      "/api/webhooks/resend-other",
      "/notifications/x/records/csv",
    ]) {
      expect(matches(path), path).toBe(true);
    }
  });

  it("get the same headers on their own answers", () => {
    const response = withSecurityHeaders(Response.json({ ok: true }, { status: 202 }), {
      pathname: "/api/integration-events",
      appUrl: "https://switchboard.example",
    });
    expect(response.headers.get("content-security-policy")).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000");
  });
});
