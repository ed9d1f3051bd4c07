import "server-only";
import { env } from "@/lib/env";
import { openDatabase, type DB } from "./connection";

// One connection per process, kept across dev hot reloads.
const g = globalThis as unknown as { __switchboardDb?: DB };
export const db: DB = g.__switchboardDb ?? (g.__switchboardDb = openDatabase(env.DATABASE_URL));
export type { DB };
