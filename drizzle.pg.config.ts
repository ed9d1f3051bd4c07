import { defineConfig } from "drizzle-kit";

// The PostgreSQL twin of drizzle.config.ts (docs/decisions/0008): `npm run db:generate:pg`.
const url = process.env.DATABASE_URL;

export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/pg/index.ts",
  out: "./db/migrations-pg",
  ...(url?.startsWith("postgres") ? { dbCredentials: { url } } : {}),
  casing: "snake_case",
});
