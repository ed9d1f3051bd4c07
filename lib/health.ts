import "server-only";
import { probeDatabaseWrite } from "@/db/queries/system/health-probe";
import { env } from "@/lib/env";
import { storageFailureDetail, type StorageFailure } from "@/lib/storage-errors";

/*
 * Readiness (/api/health): can this process still STORE things? A read
 * answers on a full or read-only disk, so the check is a write
 * (db/queries/system/health-probe.ts). It runs at most once per
 * HEALTH_PROBE_INTERVAL_MS and the answer is reused in between, so a load
 * balancer polling every second costs one tiny write every few seconds; a
 * check that arrives while the probe runs waits for that probe's answer.
 * The answer names the kind of failure and the code it was recognised by
 * (SQLite's result code, PostgreSQL's SQLSTATE, the socket error), and
 * nothing else: no path, no host, no message.
 */

export type Health = { ok: boolean; checks: { database: string } };

const DESCRIPTIONS: Record<StorageFailure, string> = {
  busy: "ok (write lock held by another writer)",
  full: "failing: the disk is full",
  readonly: "failing: the database is read-only",
  io: "failing: disk I/O error",
  cantopen: "failing: the database file cannot be opened",
  unreachable: "failing: the database server cannot be reached",
  timeout: "failing: the database did not answer in time",
};

// An error of the engine's that is not a storage failure is named by its code alone: SQLite's, or a SQLSTATE.
const ENGINE_CODE = /^(SQLITE_[A-Z_]+|[0-9A-Z]{5})$/;

let last: { at: number; health: Promise<Health> } | null = null;

async function probe(): Promise<Health> {
  try {
    await probeDatabaseWrite();
    return { ok: true, checks: { database: "ok" } };
  } catch (error) {
    const detail = storageFailureDetail(error);
    // busy means another writer holds the lock: the database is reachable and writable, just not this instant
    if (detail?.failure === "busy") return { ok: true, checks: { database: DESCRIPTIONS.busy } };
    if (detail) return { ok: false, checks: { database: `${DESCRIPTIONS[detail.failure]} (${detail.code})` } };
    const code = (error as { code?: unknown })?.code;
    return {
      ok: false,
      checks: { database: `failing: ${typeof code === "string" && ENGINE_CODE.test(code) ? code : "unexpected error"}` },
    };
  }
}

export async function checkHealth(at: number = Date.now()): Promise<Health> {
  if (last && at - last.at >= 0 && at - last.at < env.HEALTH_PROBE_INTERVAL_MS) return last.health;
  last = { at, health: probe() };
  return await last.health;
}
