/*
 * `npx tsx scripts/with-postgres.ts -- <command…>`: runs the command against a throw-away
 * PostgreSQL server (lib/testing/postgres-server.ts) with an empty database, its URL in
 * POSTGRES_URL, then stops the server. `npm test` runs e2e specs on PostgreSQL this way.
 */
import { spawnSync } from "node:child_process";
import { createDatabase, startPostgres } from "../lib/testing/postgres-server";

const separator = process.argv.indexOf("--");
const [command, ...args] = separator >= 0 ? process.argv.slice(separator + 1) : [];
if (!command) {
  console.error("usage: tsx scripts/with-postgres.ts -- <command> [args…]");
  process.exit(2);
}

const server = await startPostgres();
let status = 1;
try {
  const url = await createDatabase(server.url, "switchboard");
  console.log(`PostgreSQL for this run: ${url}`);
  status = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, POSTGRES_URL: url } }).status ?? 1;
} finally {
  await server.stop();
}
process.exit(status);
