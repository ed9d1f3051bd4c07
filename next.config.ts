import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // native / node-only modules stay out of the server bundle
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // proxy.ts runs on every request, so Next holds each request body in memory
    // until it has all arrived. Keep that near the largest body a route accepts
    // (1 MiB, lib/http/webhook-verification.ts; server actions' default) with
    // room for one more network chunk, so an oversized body is still seen as
    // oversized (413) rather than cut short.
    proxyClientMaxBodySize: "2mb",
  },
};

export default nextConfig;
