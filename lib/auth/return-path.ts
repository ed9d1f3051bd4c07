import { env } from "@/lib/env";

/*
 * Where sign-in may send the user back to: a path of this app, nothing else
 * (no open redirect). The candidate is parsed the way a browser would resolve
 * it against the app's URL and kept only when it stays on the app's origin.
 * Control characters, whitespace and backslashes are refused outright:
 * browsers drop tabs and line breaks and read `\` as `/`, which is how
 * `/\t/evil.com` becomes `//evil.com`. What is returned is the parsed URL's
 * own path, query and fragment, percent-encoded, so a Location header never
 * carries a byte that Node refuses.
 */

// C0 controls, space, DEL, C1 controls, backslash, and Unicode line/paragraph separators
const REFUSED = /[\u0000-\u0020\u007f-\u009f\\\u2028\u2029]/;

export function safeReturnPath(next: unknown, appUrl: string = env.APP_URL): string {
  if (typeof next !== "string" || !next.startsWith("/") || REFUSED.test(next)) return "/";
  let url: URL;
  let base: URL;
  try {
    base = new URL(appUrl);
    url = new URL(next, base);
  } catch {
    return "/";
  }
  if (url.origin !== base.origin) return "/";
  if (url.pathname === "/sign-in" || url.pathname.startsWith("/sign-in/")) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // a path that itself reads as scheme-relative would leave the origin wherever it is used next
  return path.startsWith("//") ? "/" : path;
}
