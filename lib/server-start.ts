import { assertProductionSecrets, env, usingDevelopmentEventsSecret } from "./env";
import { openDatabase } from "@/db/connection";
import { prepareDatabase } from "@/db/setup";
import { DEMO_PASSWORD, DEMO_USERS } from "@/db/seed-data";

export async function startServer(): Promise<void> {
  assertProductionSecrets();
  // A short-lived connection for migrations: the app's own opens lazily afterwards.
  const db = openDatabase(env.DATABASE_URL);
  const { seeded } = await prepareDatabase(db);
  db.$client.close();
  if (seeded) {
    console.log(`[switchboard] New database at ${env.DATABASE_URL}: demo data seeded.`);
    console.log(`[switchboard] Demo sign-ins (password "${DEMO_PASSWORD}"): ${DEMO_USERS.filter((u) => u.active).map((u) => u.email).join(", ")}`);
  }
  if (usingDevelopmentEventsSecret()) {
    console.log(`[switchboard] INTEGRATION_EVENTS_SECRET not set; using the development secret ${env.INTEGRATION_EVENTS_SECRET}`);
  }
  if (env.WORKER === "inline") {
    const { startInlineWorker } = await import("./notifications/worker");
    startInlineWorker();
  }
}
