import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { engine } from "@/db/engine";
import { WAKE_CHANNEL } from "@/db/postgres/wakeups";

/**
 * Tells every listening worker that mail was queued (db/postgres/wakeups.ts). Called after the
 * commit, so a woken worker finds the rows. SQLite has no other process to tell: its workers share
 * the machine, and the web process's own worker is woken in process (lib/notifications/nudge.ts).
 */
export async function announceQueued(): Promise<void> {
  if (engine !== "postgres") return;
  await (db as unknown as { execute(query: ReturnType<typeof sql>): Promise<unknown> }).execute(sql`select pg_notify(${WAKE_CHANNEL}, '')`);
}
