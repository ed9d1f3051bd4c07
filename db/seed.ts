// `npm run db:seed`: idempotent; leaves exactly the demo data of docs/product R33.
import { env } from "../lib/env";
import { openDatabaseAt } from "./open";
import { migrateDatabase } from "./setup";
import { seedDemo, DEMO_PASSWORD, DEMO_USERS } from "./seed-data";

// The demo users share a published password: a production database gets them only on purpose.
if (env.NODE_ENV === "production" && env.SEED_DEMO !== true) {
  console.error(
    "db:seed: refusing to add the demo users (published password) with NODE_ENV=production. " +
      "Set SEED_DEMO=1 to do it anyway (demos, tests), or create a real admin with `npm run admin:create` " +
      "(docs/operations/first-admin.md).",
  );
  process.exit(1);
}

const db = openDatabaseAt(env.DATABASE_URL);
await migrateDatabase(db);
await seedDemo(db);
console.log(`Seeded ${env.DATABASE_URL}. Demo sign-ins (password "${DEMO_PASSWORD}"):`);
for (const u of DEMO_USERS) {
  console.log(`  ${u.email.padEnd(24)} ${u.role}${u.active ? "" : " (deactivated)"}`);
}
await db.$close();
