import { env } from "@/lib/env";
import { withSecurityHeaders } from "@/lib/http/security-headers";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/*
 * The baseline of `npm run bench:ingest`: the same Next request handling as
 * POST /api/integration-events (routing, reading the body, a JSON answer)
 * with none of the work, so the benchmark can say how much ingestion itself
 * costs. Absent (404) unless the benchmark starts the server with
 * BENCH_BASELINE_ROUTE=1. Like the ingestion route it bypasses the proxy and
 * sets the security headers itself.
 */
export async function POST(request: Request): Promise<Response> {
  return withSecurityHeaders(await answer(request), { pathname: "/api/bench/noop", appUrl: env.APP_URL });
}

async function answer(request: Request): Promise<Response> {
  if (!env.BENCH_BASELINE_ROUTE) return Response.json({ error: "Not found." }, { status: 404 });
  await request.arrayBuffer();
  return Response.json({ eventId: request.headers.get("webhook-id"), duplicate: false }, { status: 202 });
}
