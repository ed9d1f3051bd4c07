import { NextResponse, type NextRequest } from "next/server";
import { isProvider } from "@/lib/integrations/providers";
import { env } from "@/lib/env";
import { completeAuthorization } from "@/lib/integrations/oauth/flow";
import { currentOAuthSession } from "@/lib/integrations/oauth/session";

export const dynamic = "force-dynamic";

/*
 * GET /api/integrations/{provider}/callback — where the CRM sends the admin
 * back (docs/product R34). Always answers with a redirect to /integrations carrying
 * the outcome (?connected=… or ?oauth_error=…); the code in this URL is not
 * passed on (no-referrer) and never logged.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ provider: string }> }) {
  const { provider } = await params;
  const target = new URL("/integrations", env.APP_URL);
  if (!isProvider(provider)) {
    target.searchParams.set("oauth_error", "provider_error");
    return back(target);
  }
  const session = await currentOAuthSession();
  const result = await completeAuthorization({
    session,
    provider: provider,
    params: request.nextUrl.searchParams,
  });
  if (result.ok) {
    target.searchParams.set("connected", provider);
    target.searchParams.set("result", result.result);
  } else {
    target.searchParams.set("oauth_error", result.code);
    target.searchParams.set("provider", provider);
    if (result.detail) target.searchParams.set("detail", result.detail);
  }
  return back(target);
}

function back(target: URL) {
  return NextResponse.redirect(target, {
    status: 303,
    headers: { "cache-control": "no-store", "referrer-policy": "no-referrer" },
  });
}
