import { env } from "@/lib/env";
import { withSecurityHeaders } from "@/lib/http/security-headers";
import { readCappedBody, rejectionResponse, STANDARD_WEBHOOKS, verifyWebhookSignature } from "@/lib/http/webhook-verification";
import { checkContentType, decodeEvent } from "@/lib/integrations/ingest/request";
import { ingestEventQueued } from "@/lib/integrations/ingest/group-commit";
import { storageFailure, storageUnavailableResponse } from "@/lib/storage-errors";
import { nudgeWorker } from "@/lib/notifications/nudge";
import { now } from "@/lib/clock";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/*
 * POST /api/integration-events (docs/product §4): verify the raw body → parse →
 * accept in one transaction → nudge the outbox worker. The response never
 * waits for email.
 *
 * Every answer carries the security headers: the route bypasses the proxy
 * so that its own body deadline holds (lib/http/security-headers.ts).
 */
export async function POST(request: Request): Promise<Response> {
  return withSecurityHeaders(await accept(request), { pathname: "/api/integration-events", appUrl: env.APP_URL });
}

async function accept(request: Request): Promise<Response> {
  const type = checkContentType(request.headers);
  if (!type.ok) return rejectionResponse(type.rejection);
  const body = await readCappedBody(request);
  if (!body.ok) return rejectionResponse(body.rejection);
  // the webhook-id is the event id
  const verified = verifyWebhookSignature({
    scheme: STANDARD_WEBHOOKS,
    secret: env.INTEGRATION_EVENTS_SECRET,
    headers: request.headers,
    body: body.value,
  });
  if (!verified.ok) return rejectionResponse(verified.rejection);
  const decoded = decodeEvent(body.value);
  if (!decoded.ok) return rejectionResponse(decoded.rejection);

  const eventId = verified.value.id;
  let result;
  try {
    result = await ingestEventQueued({ eventId, body: decoded.value.text, event: decoded.value.event, now: now() });
  } catch (error) {
    // Locked past the busy timeout, or a full, read-only or failing disk: the batch rolled back, the sender retries.
    const failure = storageFailure(error);
    if (failure) return storageUnavailableResponse(failure);
    throw error;
  }
  switch (result.outcome) {
    case "accepted":
      if (result.messageIds.length > 0) nudgeWorker();
      return Response.json({ eventId, duplicate: false }, { status: 202 });
    case "duplicate":
      return Response.json({ eventId, duplicate: true }, { status: 200 });
    case "unknown_company":
      return Response.json({ error: `Unknown company "${decoded.value.event.companyId}".` }, { status: 404 });
    case "not_connected":
      return Response.json(
        {
          error: `The ${decoded.value.event.provider} integration of "${decoded.value.event.companyId}" is not connected; the event was not stored.`,
        },
        { status: 409 },
      );
  }
}
