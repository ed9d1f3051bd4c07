// `npm run db:migrate`: applies committed migrations to DATABASE_URL.
import { env } from "../lib/env";
import { openDatabaseAt } from "./open";
import { migrateDatabase } from "./setup";

const db = openDatabaseAt(env.DATABASE_URL);
await migrateDatabase(db);
console.log(`Migrated ${db.$engine === "postgres" ? "the PostgreSQL database" : env.DATABASE_URL}`);
await db.$close();
