import { Resend } from "resend";
import { env } from "@/lib/env";
import type { TransportName } from "@/db/schema";
import { parseRetryAfter } from "./backoff";
import { createSendPacer, type SendPacer } from "./send-pacer";
import { sharedSlots } from "./shared-slots";

/*
 * The one email transport seam (docs/product R25; docs/conventions.md rule 6). Resend when
 * RESEND_API_KEY is set (RESEND_BASE_URL points the SDK at another host, e.g.
 * a local stand-in); otherwise the local mailbox: the stored message IS the
 * delivered email, read in /notifications/mailbox.
 *
 * Never throws: every outcome is a value the worker records. Resend's
 * `{ data, error }` is always checked; the idempotency key goes in the
 * Idempotency-Key header so a repeat after a crash returns the first id
 * instead of a second email.
 */

export type EmailPayload = {
  from: string;
  to: string[];
  bcc?: string | null;
  subject: string;
  html: string;
  text: string;
};

export type SendResult =
  | { ok: true; id: string; transport: TransportName }
  | { ok: false; retryable: boolean; rateLimited: boolean; status?: number; retryAfterMs?: number; error: string };

export type SendEmail = (payload: EmailPayload, options: { idempotencyKey: string }) => Promise<SendResult>;

/** Which transport this process uses, for the mailbox page and logs. */
export function activeTransport(): TransportName {
  return env.RESEND_API_KEY ? "resend" : "mailbox";
}

export const sendEmail: SendEmail = (payload, options) => (env.RESEND_API_KEY ? sendWithResend(payload, options) : sendToMailbox(options));

async function sendToMailbox({ idempotencyKey }: { idempotencyKey: string }): Promise<SendResult> {
  // The message row already holds the exact email; "sending" only assigns a stable local id.
  return { ok: true, id: `mailbox_${idempotencyKey}`, transport: "mailbox" };
}

let client: Resend | undefined;

function resend(): Resend {
  client ??= new Resend(env.RESEND_API_KEY, env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL.replace(/\/+$/, "") } : undefined);
  return client;
}

// One pacer per process (route, action and worker bundles share globalThis), its slots from the budget all processes
// share (./shared-slots.ts), so every send of the deployment counts against one limit.
const g = globalThis as unknown as { __switchboardSendPacer?: SendPacer };
const pacer = () =>
  (g.__switchboardSendPacer ??= createSendPacer({ maxPerSec: env.RESEND_RATE_LIMIT_PER_SEC, slots: sharedSlots("resend") }));

async function sendWithResend(payload: EmailPayload, options: { idempotencyKey: string }): Promise<SendResult> {
  await pacer().acquire();
  const { outcome, headers } = await callResend(payload, options);
  pacer().observe(outcome.ok ? { status: 200, headers } : { status: outcome.status, headers, retryAfterMs: outcome.retryAfterMs });
  return outcome;
}

async function callResend(
  payload: EmailPayload,
  { idempotencyKey }: { idempotencyKey: string },
): Promise<{ outcome: SendResult; headers?: Record<string, string> | null }> {
  const timeout = AbortSignal.timeout(env.DELIVERY_TIMEOUT_MS);
  let response: Awaited<ReturnType<Resend["emails"]["send"]>>;
  try {
    response = await resend().emails.send(
      {
        from: payload.from,
        to: payload.to,
        ...(payload.bcc ? { bcc: payload.bcc } : {}),
        subject: payload.subject,
        html: payload.html,
        text: payload.text,
      },
      { idempotencyKey, signal: timeout },
    );
  } catch (error) {
    // The SDK reports most failures as { error }, but an abort may surface as a throw.
    return { outcome: networkFailure(timeout.aborted, error) };
  }
  const { data, error, headers } = response;
  if (!error && data?.id) return { outcome: { ok: true, id: data.id, transport: "resend" }, headers };
  if (!error) return { outcome: { ok: false, retryable: true, rateLimited: false, error: "Resend answered without an email id" } };
  if (error.statusCode === null || error.statusCode === undefined) return { outcome: networkFailure(timeout.aborted, error) };
  return { outcome: classify(error.statusCode, `${error.name}: ${error.message}`, error.name, headers?.["retry-after"]), headers };
}

function networkFailure(timedOut: boolean, error: unknown): SendResult {
  const detail = error instanceof Error ? error.message : ((error as { message?: string })?.message ?? String(error));
  return {
    ok: false,
    retryable: true,
    rateLimited: false,
    error: timedOut ? `Timed out after ${env.DELIVERY_TIMEOUT_MS} ms` : `Network error: ${detail}`,
  };
}

/** Provider answer → retry policy: 429 and 5xx retry, other 4xx are final (docs/product R24). */
export function classify(status: number, message: string, name?: string, retryAfter?: string | null): SendResult {
  if (status === 429) {
    return { ok: false, retryable: true, rateLimited: true, status, retryAfterMs: parseRetryAfter(retryAfter, new Date()), error: message };
  }
  // Another request with the same key is still in flight at Resend: ask again later.
  if (status === 409 && name === "concurrent_idempotent_requests") {
    return { ok: false, retryable: true, rateLimited: false, status, error: message };
  }
  if (status >= 500) return { ok: false, retryable: true, rateLimited: false, status, error: message };
  return { ok: false, retryable: false, rateLimited: false, status, error: message };
}
