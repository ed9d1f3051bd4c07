// `npm run db:seed`: idempotent; leaves exactly the demo data of SPEC R33.
import { env } from "../lib/env";
import { openDatabase } from "./connection";
import { migrateDatabase } from "./setup";
import { seedDemo, DEMO_PASSWORD, DEMO_USERS } from "./seed-data";

const db = openDatabase(env.DATABASE_URL);
migrateDatabase(db);
await seedDemo(db);
console.log(`Seeded ${env.DATABASE_URL}. Demo sign-ins (password "${DEMO_PASSWORD}"):`);
for (const u of DEMO_USERS) {
  console.log(`  ${u.email.padEnd(24)} ${u.role}${u.active ? "" : " (deactivated)"}`);
}
