"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorize, ForbiddenError, type Viewer } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { parseLogFilters } from "@/lib/notifications/delivery-log-filters";
import { countRetryable, retryChunk, retryMessage } from "@/lib/notifications/retry";

/*
 * Retry from the delivery log and the message detail (SPEC R24, R27). The
 * role is checked here on every call (R2: company and billing admins), and
 * the company always comes from the session, whatever ids a request carries.
 */

export type RetryState = { ok?: boolean; message?: string; error?: string };

async function retrier(): Promise<Viewer | { error: string }> {
  try {
    return await authorize("messages:retry");
  } catch (e) {
    if (e instanceof ForbiddenError) return { error: e.message };
    throw e;
  }
}

const messageId = z.string().regex(/^msg_[\w-]{1,64}$/, "That is not a message id.");

export async function retryMessageAction(_prev: RetryState, formData: FormData): Promise<RetryState> {
  const viewer = await retrier();
  if ("error" in viewer) return { error: viewer.error };
  const parsed = messageId.safeParse(formData.get("messageId"));
  if (!parsed.success) return { error: parsed.error.issues[0].message };
  const result = retryMessage({ viewer, messageId: parsed.data, now: now() });
  revalidatePath("/notifications", "layout");
  return result.ok ? { ok: true, message: result.message } : { error: result.error };
}

const filterParams = z.record(z.string(), z.string().max(400)).refine((p) => Object.keys(p).length <= 12, "Too many filters.");

export type BulkStart = { ok: true; total: number; snapshot: string } | { ok: false; error: string };

/** Counts what "Retry all failed" will take, and fixes the snapshot the chunks work through. */
export async function startBulkRetry(params: Record<string, string>): Promise<BulkStart> {
  const viewer = await retrier();
  if ("error" in viewer) return { ok: false, error: viewer.error };
  const parsed = filterParams.safeParse(params);
  if (!parsed.success) return { ok: false, error: "The filters could not be read; reload the page." };
  const { query } = parseLogFilters(parsed.data, viewer.company.timeZone);
  const snapshot = now();
  return { ok: true, total: countRetryable({ viewer, query, snapshot }), snapshot: snapshot.toISOString() };
}

export type BulkChunk = { ok: true; retried: number; remaining: number } | { ok: false; error: string };

export async function retryBulkChunk(params: Record<string, string>, snapshotIso: string): Promise<BulkChunk> {
  const viewer = await retrier();
  if ("error" in viewer) return { ok: false, error: viewer.error };
  const parsed = filterParams.safeParse(params);
  const snapshot = new Date(snapshotIso);
  if (!parsed.success || Number.isNaN(snapshot.getTime())) return { ok: false, error: "The retry could not continue; reload the page and start again." };
  const { query } = parseLogFilters(parsed.data, viewer.company.timeZone);
  const result = retryChunk({ viewer, query, snapshot, now: now() });
  if (result.remaining === 0) revalidatePath("/notifications", "layout");
  return { ok: true, ...result };
}
