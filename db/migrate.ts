// `npm run db:migrate`: applies committed migrations to DATABASE_URL.
import { env } from "../lib/env";
import { openDatabase } from "./connection";
import { migrateDatabase } from "./setup";

const db = openDatabase(env.DATABASE_URL);
await migrateDatabase(db);
console.log(`Migrated ${env.DATABASE_URL}`);
