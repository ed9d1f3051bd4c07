/*
 * `npm run worker`: the outbox worker as its own process, for deployments that
 * set WORKER=off on the web servers. Several may run at once (leases keep
 * them apart). SIGTERM / SIGINT finish the messages in hand, then exit.
 * A start that cannot succeed (configuration, database) exits non-zero with
 * one readable reason, like the web server.
 * With TEST_MODE=1 its clock (lib/clock.ts) moves on a message from the test
 * that spawned it (./worker-clock.ts), as POST /api/test/clock moves a
 * web server's.
 */
import { allowServerOnlyImports } from "@/lib/cli/allow-server-only";
import { databaseLabel } from "@/db/engine";
import { databaseMigrationFailure, databaseOpenFailure, exitOnStartupFailure } from "@/lib/startup/startup-error";

allowServerOnlyImports();

async function start() {
  const { env, assertProductionSecrets } = await import("@/lib/env");
  assertProductionSecrets();
  // db/client opens the file when it is first imported
  const { db } = await import("@/db/client").catch((error: unknown) => {
    throw databaseOpenFailure(env.DATABASE_URL, error);
  });
  const { migrateDatabase } = await import("@/db/setup");
  try {
    await migrateDatabase(db);
  } catch (error) {
    throw databaseMigrationFailure(env.DATABASE_URL, error);
  }
  const { createDeliveryWorker, wakeOnQueued } = await import("./delivery-worker");
  const { activeTransport } = await import("./notifications/transport");
  const worker = createDeliveryWorker();
  return { env, db, worker, wakeups: () => wakeOnQueued(worker), transport: activeTransport() };
}

const { env, db, worker, wakeups, transport } = await start().catch((error: unknown) => exitOnStartupFailure("worker", error));
worker.start();
const listening = wakeups();
if (env.TEST_MODE) {
  const { answerClockMoves } = await import("./worker-clock");
  answerClockMoves(() => worker.nudge({ timers: true }));
}
console.log(
  `[worker] ${worker.owner} delivering from ${databaseLabel(env.DATABASE_URL)} via ${transport}` +
    `${env.RESEND_BASE_URL ? ` (${env.RESEND_BASE_URL})` : ""}`,
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[worker] ${signal}: finishing the messages in hand`);
  await listening.stop();
  await worker.stop();
  // the loop has finished every message in hand: no query or transaction is left open on the connection
  await db.$close();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
