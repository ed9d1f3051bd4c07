import "server-only";
import { env } from "@/lib/env";
import type { DB } from "./connection";
import { engine } from "./engine";
import { openDatabaseAt } from "./open";

// `next build` evaluates route modules; it must not create or touch the real SQLite file
// (a PostgreSQL pool connects on its first query, which the build never runs).
const url = process.env.NEXT_PHASE === "phase-production-build" && engine === "sqlite" ? ":memory:" : env.DATABASE_URL;

// One connection (SQLite) or pool (PostgreSQL) per process, kept across dev hot reloads.
const g = globalThis as unknown as { __switchboardDb?: DB };
export const db: DB = g.__switchboardDb ?? (g.__switchboardDb = openDatabaseAt(url));
export type { DB };
