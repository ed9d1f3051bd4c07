import { NextResponse, type NextRequest } from "next/server";
import { isProvider } from "@/lib/integrations/providers";
import { can, FORBIDDEN_MESSAGES } from "@/lib/auth/permissions";
import { startAuthorization } from "@/lib/integrations/oauth/flow";
import { currentOAuthSession } from "@/lib/integrations/oauth/session";

export const dynamic = "force-dynamic";

/*
 * POST /api/integrations/{provider}/authorize — the HTTP face of Connect /
 * Reconnect (the page uses the server action in lib/integrations/oauth/actions.ts):
 * form fields zohoDataCenter (Zoho) and loginHost (Salesforce, optional).
 * 303 to the provider's authorize URL; 401 signed out, 403 not a company
 * admin, 400 with field messages for bad input.
 */
export async function POST(request: NextRequest, { params }: { params: Promise<{ provider: string }> }) {
  const { provider } = await params;
  if (!isProvider(provider)) {
    return NextResponse.json({ error: "Unknown CRM. Use hubspot, salesforce or zoho." }, { status: 404 });
  }
  const session = await currentOAuthSession();
  if (!session) return NextResponse.json({ error: "Sign in as a company admin to connect a CRM." }, { status: 401 });
  if (!can(session.viewer.role, "integrations:change")) {
    return NextResponse.json({ error: FORBIDDEN_MESSAGES["integrations:change"] }, { status: 403 });
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    form = new FormData();
  }
  const text = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v.slice(0, 300) : undefined;
  };
  const result = await startAuthorization({
    session,
    provider: provider,
    input: { zohoDataCenter: text("zohoDataCenter"), loginHost: text("loginHost") },
  });
  if (!result.ok) {
    const fields = Object.entries(result.fieldErrors ?? {}).map(([path, message]) => ({ path, message }));
    return NextResponse.json({ error: result.error, fields }, { status: fields.length > 0 ? 400 : 409 });
  }
  return NextResponse.redirect(result.url, { status: 303, headers: { "cache-control": "no-store" } });
}
