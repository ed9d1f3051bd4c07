import { startPostgres, type PostgresServer } from "./postgres-server";
import { createTemplate } from "./postgres-template";
import { TEST_POSTGRES_SERVER } from "./test-database-url";

/*
 * With TEST_ENGINE=postgres, one throw-away PostgreSQL server for the whole unit suite
 * (lib/testing/postgres-server.ts); each test file makes its own database on it. The forked
 * test workers inherit its address through the environment.
 */
let server: PostgresServer | undefined;

export async function setup(): Promise<void> {
  if (process.env.TEST_ENGINE !== "postgres") return;
  server = await startPostgres();
  await createTemplate(server.url);
  process.env[TEST_POSTGRES_SERVER] = server.url;
}

export async function teardown(): Promise<void> {
  await server?.stop();
}
