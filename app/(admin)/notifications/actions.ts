"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction, type ActionFailure } from "@/lib/auth/action";
import { now } from "@/lib/clock";
import { parseLogFilters } from "@/lib/notifications/delivery-log-filters";
import { countRetryable, retryChunk, retryMessage } from "@/lib/notifications/retry";

/*
 * Retry from the delivery log and the message detail (docs/product R24, R27). The
 * role is checked on every call (R2: company and billing admins), and the
 * company always comes from the session, whatever ids a request carries.
 */

export type RetryState = { ok?: boolean; message?: string; error?: string };

const retryInput = z.object({
  messageId: z.string({ error: "That is not a message id." }).regex(/^msg_[\w-]{1,64}$/, "That is not a message id."),
});

export const retryMessageAction = authorizedAction("messages:retry", retryInput, async ({ messageId }, { viewer }): Promise<RetryState> => {
  const result = await retryMessage({ viewer, messageId, now: now() });
  revalidatePath("/notifications", "layout");
  return result.ok ? { ok: true, message: result.message } : { error: result.error };
});

/** The delivery log's filters as its URL carries them (`status=failed&provider=hubspot`); `message` when they can't be read. */
const logFilters = (message: string) =>
  z
    .string({ error: message })
    .max(6000, message)
    .transform((query, ctx) => {
      const params = Object.fromEntries(new URLSearchParams(query));
      if (Object.keys(params).length > 12 || Object.values(params).some((v) => v.length > 400)) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return params;
    });

export type BulkStart = { ok: true; total: number; snapshot: string } | ActionFailure;

/** Counts what "Retry all failed" will take, and fixes the snapshot the chunks work through. */
export const startBulkRetry = authorizedAction(
  "messages:retry",
  z.object({ filters: logFilters("The filters could not be read; reload the page.") }),
  async ({ filters }, { viewer }): Promise<BulkStart> => {
    const { query } = parseLogFilters(filters, viewer.company.timeZone);
    const snapshot = now();
    return { ok: true, total: await countRetryable({ viewer, query, snapshot }), snapshot: snapshot.toISOString() };
  },
);

const CANNOT_CONTINUE = "The retry could not continue; reload the page and start again.";

export type BulkChunk = { ok: true; retried: number; remaining: number } | ActionFailure;

export const retryBulkChunk = authorizedAction(
  "messages:retry",
  z.object({
    filters: logFilters(CANNOT_CONTINUE),
    snapshot: z
      .string({ error: CANNOT_CONTINUE })
      .transform((iso) => new Date(iso))
      .refine((d) => !Number.isNaN(d.getTime()), CANNOT_CONTINUE),
  }),
  async ({ filters, snapshot }, { viewer }): Promise<BulkChunk> => {
    const { query } = parseLogFilters(filters, viewer.company.timeZone);
    const result = await retryChunk({ viewer, query, snapshot, now: now() });
    if (result.remaining === 0) revalidatePath("/notifications", "layout");
    return { ok: true, ...result };
  },
);
