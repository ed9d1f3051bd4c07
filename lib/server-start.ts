import { assertProductionSecrets, env, usingDevelopmentEventsSecret } from "./env";
import type { DB } from "@/db/connection";
import { databaseLabel } from "@/db/engine";
import { openDatabaseAt } from "@/db/open";
import { prepareDatabase, type PreparedDatabase } from "@/db/setup";
import { DEMO_PASSWORD, DEMO_USERS } from "@/db/seed-data";
import { databaseMigrationFailure, databaseOpenFailure } from "./startup/startup-error";
import { FIRST_ADMIN_COMMAND, FIRST_ADMIN_DOC } from "./accounts/first-admin-hint";

/* Throws a StartupError when the server cannot work; instrumentation.ts turns that into an exit. */
export async function startServer(): Promise<void> {
  assertProductionSecrets();
  // A short-lived connection for migrations: the app's own opens lazily afterwards.
  let db: DB;
  try {
    db = openDatabaseAt(env.DATABASE_URL);
  } catch (error) {
    throw databaseOpenFailure(env.DATABASE_URL, error);
  }
  let state: PreparedDatabase;
  try {
    state = await prepareDatabase(db, { seedDemoWhenEmpty: env.seedDemoAllowed });
  } catch (error) {
    throw databaseMigrationFailure(env.DATABASE_URL, error);
  } finally {
    await db.$close();
  }
  announce(state);
  if (usingDevelopmentEventsSecret()) {
    console.log(`[switchboard] INTEGRATION_EVENTS_SECRET not set; using the development secret ${env.INTEGRATION_EVENTS_SECRET}`);
  }
  if (env.WORKER === "inline") {
    const { startInlineWorker } = await import("./delivery-worker");
    startInlineWorker();
  }
}

function announce(state: PreparedDatabase): void {
  if (state === "seeded") {
    console.log(`[switchboard] New database at ${databaseLabel(env.DATABASE_URL)}: demo data seeded.`);
    console.log(
      `[switchboard] Demo sign-ins (password "${DEMO_PASSWORD}"): ${DEMO_USERS.filter((u) => u.active)
        .map((u) => u.email)
        .join(", ")}`,
    );
  } else if (state === "empty") {
    console.log(
      [
        `[switchboard] The database at ${databaseLabel(env.DATABASE_URL)} is migrated but has no company yet, so nobody can sign in.`,
        "[switchboard] Create the first company and its admin from the app's directory, with the same environment:",
        `[switchboard]   ${FIRST_ADMIN_COMMAND}`,
        `[switchboard] It asks for the password (or add --generate-password). See ${FIRST_ADMIN_DOC}.`,
      ].join("\n"),
    );
  }
}
