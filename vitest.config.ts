import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";
import { availableParallelism } from "node:os";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // "server-only" throws outside a React Server environment; tests call the server modules directly
      "server-only": fileURLToPath(new URL("./lib/testing/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", "e2e/**", ".next/**"],
    environment: "node",
    pool: "forks",
    // one test file per core, and one more on PostgreSQL, whose tests spend much of their time waiting on the
    // server (measured on 2 cores: SQLite 94 s with vitest's default of one worker, 55 s with two; PostgreSQL
    // 123 s with one, 61 s with three)
    maxWorkers: availableParallelism() + (process.env.TEST_ENGINE === "postgres" ? 1 : 0),
    testTimeout: 60_000,
    globalSetup: ["./lib/testing/vitest-global-setup.ts"],
    env: { NODE_ENV: "test" },
  },
});
