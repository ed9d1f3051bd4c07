import "server-only";
import { probeDatabaseWrite } from "@/db/queries/system/health-probe";
import { env } from "@/lib/env";
import { storageFailure, type StorageFailure } from "@/lib/storage-errors";

/*
 * Readiness (/api/health): can this process still STORE things? A read
 * answers on a full or read-only disk, so the check is a write
 * (db/queries/system/health-probe.ts). It runs at most once per
 * HEALTH_PROBE_INTERVAL_MS and the answer is reused in between, so a load
 * balancer polling every second costs one tiny write every few seconds; a
 * check that arrives while the probe runs waits for that probe's answer.
 * The answer names the kind of failure and nothing else: no path, no message.
 */

export type Health = { ok: boolean; checks: { database: string } };

const DESCRIPTIONS: Record<StorageFailure, string> = {
  busy: "ok (write lock held by another writer)",
  full: "failing: the disk is full (SQLITE_FULL)",
  readonly: "failing: the database is read-only (SQLITE_READONLY)",
  io: "failing: disk I/O error (SQLITE_IOERR)",
  cantopen: "failing: the database file cannot be opened (SQLITE_CANTOPEN)",
};

const PROBE_BUSY_TIMEOUT_MS = 200;

let last: { at: number; health: Promise<Health> } | null = null;

async function probe(): Promise<Health> {
  try {
    await probeDatabaseWrite({ busyTimeoutMs: PROBE_BUSY_TIMEOUT_MS });
    return { ok: true, checks: { database: "ok" } };
  } catch (error) {
    const failure = storageFailure(error);
    // busy means another writer holds the lock: the file is reachable and writable, just not this instant
    if (failure) return { ok: failure === "busy", checks: { database: DESCRIPTIONS[failure] } };
    const code = (error as { code?: unknown })?.code;
    return {
      ok: false,
      checks: { database: `failing: ${typeof code === "string" && /^SQLITE_[A-Z_]+$/.test(code) ? code : "unexpected error"}` },
    };
  }
}

export async function checkHealth(at: number = Date.now()): Promise<Health> {
  if (last && at - last.at >= 0 && at - last.at < env.HEALTH_PROBE_INTERVAL_MS) return last.health;
  last = { at, health: probe() };
  return await last.health;
}
