import { NextResponse } from "next/server";
import { env } from "@/lib/env";
import { oauthAvailability, oauthConfigFromEnv } from "@/lib/integrations/oauth/providers";
import { sandboxZohoOrg } from "@/lib/integrations/oauth/sandbox-server";

export const dynamic = "force-dynamic";

/* GET /api/oauth-sandbox/zoho/crm/v8/org — the sandbox's stand-in for Zoho's organisation API (docs/product R36). */
export async function GET(request: Request, { params }: { params: Promise<{ provider: string }> }) {
  const { provider } = await params;
  if (provider !== "zoho" || oauthAvailability("zoho", oauthConfigFromEnv(env)).kind !== "sandbox") {
    return NextResponse.json({ error: "not_found" }, { status: 404 });
  }
  const reply = sandboxZohoOrg(request.headers.get("authorization"), {
    provider: "zoho",
    appSecret: env.APP_SECRET,
    appUrl: env.APP_URL,
    now: new Date(),
  });
  return NextResponse.json(reply.body, { status: reply.status, headers: { "cache-control": "no-store" } });
}
