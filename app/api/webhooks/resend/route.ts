import { withSecurityHeaders } from "@/lib/http/security-headers";
import { env } from "@/lib/env";
import { now } from "@/lib/clock";
import { readCappedBody, rejectionResponse } from "@/lib/http/webhook-verification";
import { storageFailure, storageUnavailableResponse } from "@/lib/storage-errors";
import { applyDeliveryWebhook, decodeDeliveryWebhook, verifyDeliveryWebhook } from "@/lib/notifications/delivery-webhooks";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/*
 * POST /api/webhooks/resend (docs/product R26): Resend's signed delivery events.
 * Size cap → signature over the raw bytes → parse → apply once per svix-id.
 * 200 for anything verified and well-formed, including events for messages
 * we do not know and types we do not track, so Resend does not retry them.
 *
 * Every answer carries the security headers: the route bypasses the proxy
 * so that its own body deadline holds (lib/http/security-headers.ts).
 */
export async function POST(request: Request): Promise<Response> {
  return withSecurityHeaders(await accept(request), { pathname: "/api/webhooks/resend", appUrl: env.APP_URL });
}

async function accept(request: Request): Promise<Response> {
  const secret = env.RESEND_WEBHOOK_SECRET;
  if (!secret) {
    return Response.json(
      { error: "Resend webhooks are not configured: set RESEND_WEBHOOK_SECRET to this endpoint's signing secret (Resend › Webhooks)." },
      { status: 503 },
    );
  }
  const body = await readCappedBody(request);
  if (!body.ok) return rejectionResponse(body.rejection);
  const verified = verifyDeliveryWebhook({ secret, headers: request.headers, body: body.value });
  if (!verified.ok) return Response.json({ error: verified.error }, { status: verified.status });
  const decoded = decodeDeliveryWebhook(verified.text);
  if (!decoded.ok)
    return Response.json({ error: "The webhook body does not match Resend's event shape.", issues: decoded.issues }, { status: 400 });

  let outcome;
  try {
    outcome = await applyDeliveryWebhook({ id: verified.id, event: decoded.event, now: now() });
  } catch (error) {
    // nothing was recorded (one transaction per delivery event): Resend retries on 503
    const failure = storageFailure(error);
    if (failure) return storageUnavailableResponse(failure);
    throw error;
  }
  return Response.json({ id: verified.id, outcome }, { status: 200 });
}
