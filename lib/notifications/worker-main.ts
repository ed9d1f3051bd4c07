/*
 * `npm run worker`: the outbox worker as its own process, for deployments that
 * set WORKER=off on the web servers. Several may run at once (leases keep
 * them apart). SIGTERM / SIGINT finish the messages in hand, then exit.
 *
 * The app's modules mark themselves `import "server-only"`, which throws
 * outside a React Server environment; this process IS server-only, so the
 * marker resolves to an empty module before anything else loads.
 */
import { register } from "node:module";

const SERVER_ONLY_HOOK = `
export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,export%20%7B%7D%3B", shortCircuit: true };
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(SERVER_ONLY_HOOK)}`);

const { env, assertProductionSecrets } = await import("@/lib/env");
const { db } = await import("@/db/client");
const { migrateDatabase } = await import("@/db/setup");
const { createOutboxWorker } = await import("./worker");
const { activeTransport } = await import("./transport");

assertProductionSecrets();
migrateDatabase(db);
const worker = createOutboxWorker();
worker.start();
console.log(
  `[worker] ${worker.owner} delivering from ${env.DATABASE_URL} via ${activeTransport()}` +
    `${env.RESEND_BASE_URL ? ` (${env.RESEND_BASE_URL})` : ""}`,
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[worker] ${signal}: finishing the messages in hand`);
  await worker.stop();
  db.$client.close();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
