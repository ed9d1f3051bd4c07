import { NextResponse, type NextRequest } from "next/server";
import { getSessionCookie } from "better-auth/cookies";
import { env } from "@/lib/env";
import { createNonce, securityHeaders } from "@/lib/http/security-headers";
import { requiresSignIn } from "@/lib/http/sign-in-gate";

/*
 * Runs on every request but the body-reading routes (BODY_READING_ROUTES:
 * they set the same headers themselves) so every response carries the
 * security headers of lib/http/security-headers.ts. The page CSP travels on the
 * request too: Next reads its nonce there and puts it on its own scripts,
 * which is why every page renders per request (app/layout.tsx).
 *
 * For the sign-in paths, an optimistic gate: a visitor with no session
 * cookie is sent to sign-in with a way back. Pages and actions still check
 * the session and role themselves.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const nonce = createNonce();
  const headers = securityHeaders({
    pathname,
    nonce,
    appUrl: env.APP_URL,
    development: process.env.NODE_ENV === "development",
  });

  let response: NextResponse;
  if (requiresSignIn(pathname) && !getSessionCookie(request)) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = `?next=${encodeURIComponent(pathname + search)}`;
    response = NextResponse.redirect(url);
  } else {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("content-security-policy", headers["content-security-policy"]);
    requestHeaders.set("x-nonce", nonce);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  // set here, before the route runs, these win over a route's own values (Next keeps the first)
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

// Next needs the matcher as a literal: these are BODY_READING_ROUTES (a unit test keeps the two equal).
export const config = {
  matcher: ["/((?!api/integration-events$|api/webhooks/resend$|api/bench/noop$).*)"],
};
