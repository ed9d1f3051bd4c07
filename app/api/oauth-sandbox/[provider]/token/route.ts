import { NextResponse } from "next/server";
import { isProvider } from "@/lib/integrations/providers";
import { env } from "@/lib/env";
import { oauthAvailability, oauthConfigFromEnv } from "@/lib/integrations/oauth/providers";
import { sandboxTokenRequest } from "@/lib/integrations/oauth/sandbox-server";

export const dynamic = "force-dynamic";

/* POST /api/oauth-sandbox/{provider}/token — the sandbox token endpoint (docs/product R36); 404 where the sandbox is off. */
export async function POST(request: Request, { params }: { params: Promise<{ provider: string }> }) {
  const { provider } = await params;
  if (!isProvider(provider)) return notFound();
  if (oauthAvailability(provider, oauthConfigFromEnv(env)).kind !== "sandbox") return notFound();
  const reply = await sandboxTokenRequest(request, {
    provider: provider,
    appSecret: env.APP_SECRET,
    appUrl: env.APP_URL,
    now: new Date(),
  });
  return NextResponse.json(reply.body, { status: reply.status, headers: { "cache-control": "no-store", pragma: "no-cache" } });
}

const notFound = () => NextResponse.json({ error: "not_found" }, { status: 404 });
