import "server-only";
import { env } from "@/lib/env";
import { openDatabase, type DB } from "./connection";

// `next build` evaluates route modules; it must not create or touch the real database file.
const file = process.env.NEXT_PHASE === "phase-production-build" ? ":memory:" : env.DATABASE_URL;

// One connection per process, kept across dev hot reloads.
const g = globalThis as unknown as { __switchboardDb?: DB };
export const db: DB = g.__switchboardDb ?? (g.__switchboardDb = openDatabase(file));
export type { DB };
