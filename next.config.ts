import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // native / node-only modules stay out of the server bundle
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
