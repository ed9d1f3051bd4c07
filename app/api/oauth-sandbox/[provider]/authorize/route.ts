import { NextResponse, type NextRequest } from "next/server";
import { isProvider } from "@/lib/integrations/providers";
import { can } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { callbackUrl, oauthAvailability, oauthConfigFromEnv } from "@/lib/integrations/oauth/providers";
import { parseSandboxAuthorizeRequest, SANDBOX_AUTHORIZE_PATH, SANDBOX_REQUEST_FIELDS } from "@/lib/integrations/oauth/sandbox";
import { sandboxConsentRedirect } from "@/lib/integrations/oauth/sandbox-server";
import { currentOAuthSession } from "@/lib/integrations/oauth/session";

export const dynamic = "force-dynamic";

/*
 * POST /api/oauth-sandbox/{provider}/authorize — Allow / Deny from the sandbox
 * consent page (docs/product R36), a plain form post answered with a 303 to the
 * client's redirect URI, so the browser navigates to the callback exactly as
 * it would from a real provider. 404 where the sandbox is off.
 */
export async function POST(request: NextRequest, { params }: { params: Promise<{ provider: string }> }) {
  const { provider: raw } = await params;
  const config = oauthConfigFromEnv(env);
  if (!isProvider(raw) || oauthAvailability(raw, config).kind !== "sandbox") {
    return NextResponse.json({ error: "not_found" }, { status: 404 });
  }
  const provider = raw;
  // the session cookie is SameSite=Lax; the Origin check also refuses same-site forgeries from other origins
  const origin = request.headers.get("origin");
  if (origin && origin !== new URL(config.appUrl).origin) {
    return NextResponse.json({ error: "This form must be submitted from Switchboard." }, { status: 403 });
  }

  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return NextResponse.json({ error: "Send the consent form." }, { status: 400 });
  }
  const query = new URLSearchParams();
  for (const key of SANDBOX_REQUEST_FIELDS) {
    const value = form.get(key);
    if (typeof value === "string" && value) query.set(key, value.slice(0, 2000));
  }
  const consentPage = `${SANDBOX_AUTHORIZE_PATH(provider)}?${query}`;
  const to = (location: string) =>
    NextResponse.redirect(new URL(location, config.appUrl), { status: 303, headers: { "cache-control": "no-store" } });

  const session = await currentOAuthSession();
  if (!session) return to(`/sign-in?next=${encodeURIComponent(consentPage)}`);
  if (!can(session.viewer.role, "integrations:change")) return to(`/integrations?oauth_error=forbidden&provider=${provider}`);
  const parsed = parseSandboxAuthorizeRequest(provider, query, { redirectUri: callbackUrl(config.appUrl, provider) });
  if (!parsed.ok) return to(consentPage); // the consent page explains what is wrong with the request

  const decision = form.get("decision") === "allow" ? "allow" : "deny";
  const account = form.get("account");
  return to(
    await sandboxConsentRedirect({
      provider,
      companyId: session.viewer.companyId,
      request: parsed.request,
      decision,
      account: typeof account === "string" ? account : null,
      appUrl: config.appUrl,
      now: new Date(),
    }),
  );
}
