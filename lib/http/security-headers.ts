/*
 * The security headers of every response (docs/security/headers.md). Pure:
 * proxy.ts passes in the path, a fresh nonce and the settings, so the whole
 * policy can be read, and unit-tested, in this one place.
 */

export type SecurityHeaderInput = {
  pathname: string;
  /** Fresh per request; Next reads it back from the request's CSP and puts it on its own scripts. */
  nonce: string;
  appUrl: string;
  /** `next dev`: React's dev tooling needs eval. Never true for a production build. */
  development: boolean;
};

/*
 * The one route the app frames itself: the gallery thumbnails load
 * /notifications/emails/{variant}/html. The email is inline-styled markup
 * that must never run anything, so it gets a sandbox (opaque origin, no
 * scripts, no forms) and may be framed by the app's own pages only.
 */
export const FRAMED_EMAIL_PATH = /^\/notifications\/emails\/[^/]+\/html\/?$/;

export const FRAMED_EMAIL_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; frame-ancestors 'self'";

// JSON, redirects, CSV and static files: nothing in them may load, run or be framed.
const RESOURCE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const HSTS = "max-age=31536000";

type Kind = "document" | "framed-email" | "resource";

function kindOf(pathname: string): Kind {
  if (FRAMED_EMAIL_PATH.test(pathname)) return "framed-email";
  if (pathname.startsWith("/api/") || pathname === "/api" || pathname.startsWith("/_next/")) return "resource";
  return "document";
}

/*
 * Pages. Scripts run only with this response's nonce ('strict-dynamic' lets
 * Next's nonced loader pull in its chunks). Styles may be inline: React
 * renders style="" attributes, and the email previews are srcdoc frames,
 * which inherit this policy and are nothing but inline styles; a style
 * cannot run code. Images and fonts come from the app itself or data: URLs.
 */
export function documentCsp({ nonce, appUrl, development }: Omit<SecurityHeaderInput, "pathname">): string {
  const https = isHttps(appUrl);
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export function securityHeaders(input: SecurityHeaderInput): Record<string, string> {
  const kind = kindOf(input.pathname);
  const headers: Record<string, string> = {
    "content-security-policy": kind === "document" ? documentCsp(input) : kind === "framed-email" ? FRAMED_EMAIL_CSP : RESOURCE_CSP,
    // for browsers that predate frame-ancestors; the CSP wins where both are understood
    "x-frame-options": kind === "framed-email" ? "SAMEORIGIN" : "DENY",
    "x-content-type-options": "nosniff",
    // not no-referrer on pages: with it, browsers send `Origin: null` on same-origin
    // POSTs, and server actions and sign-in check that origin
    "referrer-policy": kind === "document" ? "same-origin" : "no-referrer",
  };
  // only over https: a browser ignores it on http, and a plain-http deployment must stay reachable
  if (isHttps(input.appUrl)) headers["strict-transport-security"] = HSTS;
  return headers;
}

function isHttps(url: string): boolean {
  return url.toLowerCase().startsWith("https://");
}

/** 128 random bits, base64: unguessable, and only characters a CSP nonce allows. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/*
 * The routes that read a request body themselves — with a size cap and a
 * deadline (lib/http/webhook-verification.ts) — bypass the proxy: when a
 * proxy runs, Next first buffers the whole body for it, so a client that
 * stalls halfway would be held by that buffer instead of meeting the
 * route's deadline, and every event would pay the proxy too. They put the
 * same headers on their answers with `withSecurityHeaders`. So does the
 * benchmark's no-op baseline, which must cost what the ingestion route costs
 * minus ingestion (`npm run bench:ingest`).
 */
export const BODY_READING_ROUTES = ["/api/integration-events", "/api/webhooks/resend", "/api/bench/noop"] as const;

// these routes answer JSON without a nonce: their headers are the same on every answer, so built once
const routeHeaders = new Map<string, [string, string][]>();

export function withSecurityHeaders(response: Response, { pathname, appUrl }: { pathname: string; appUrl: string }): Response {
  const key = `${appUrl} ${pathname}`;
  let headers = routeHeaders.get(key);
  if (!headers) {
    headers = Object.entries(securityHeaders({ pathname, nonce: "", appUrl, development: false }));
    routeHeaders.set(key, headers);
  }
  for (const [name, value] of headers) response.headers.set(name, value);
  return response;
}
