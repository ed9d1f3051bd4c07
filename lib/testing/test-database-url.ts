/*
 * The database a vitest file runs on. `npm test` runs the unit suite twice: on SQLite, each file
 * with its own temp file, and on PostgreSQL (TEST_ENGINE=postgres), each file with its own
 * database on the one throw-away server lib/testing/vitest-global-setup.ts started. A test file
 * sets it before anything reads the environment:
 *
 *   await vi.hoisted(async () => {
 *     const { useTestDatabaseUrl } = await import("@/lib/testing/test-database-url");
 *     useTestDatabaseUrl("worker");
 *   });
 */
export const TEST_POSTGRES_SERVER = "SWITCHBOARD_TEST_POSTGRES_SERVER";

let files = 0;

export function testDatabaseUrl(name: string): string {
  const server = process.env[TEST_POSTGRES_SERVER];
  const unique = `${name}_${process.pid}_${Date.now()}_${++files}`.replace(/[^a-z0-9_]/gi, "_").toLowerCase();
  if (!server) return `/tmp/switchboard-${unique}.db`;
  const url = new URL(server);
  url.pathname = `/sb_${unique}`.slice(0, 64);
  return url.toString();
}

export function useTestDatabaseUrl(name: string): string {
  return (process.env.DATABASE_URL = testDatabaseUrl(name));
}
