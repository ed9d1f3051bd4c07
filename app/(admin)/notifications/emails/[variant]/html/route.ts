import { getViewer } from "@/lib/auth/session";
import { can, FORBIDDEN_MESSAGES } from "@/lib/auth/permissions";
import { findGalleryVariant } from "@/lib/notifications/gallery";
import { FRAMED_EMAIL_CSP } from "@/lib/http/security-headers";
import { renderForViewer } from "../../_components/render-for-viewer";

export const dynamic = "force-dynamic";

/*
 * One gallery email as a bare HTML document: the gallery's thumbnails load it
 * lazily, and it shows the email exactly as a client window of any width
 * would. The CSP sandbox gives it an opaque origin even when opened directly,
 * so nothing in an email can act on the app. proxy.ts sends the same
 * policy; this keeps the route safe on its own.
 */
const HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy": FRAMED_EMAIL_CSP,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "private, no-store",
};

function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

export async function GET(_request: Request, { params }: { params: Promise<{ variant: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return plain(401, "Sign in to view this email.");
  if (!can(viewer.role, "notifications:view")) return plain(403, FORBIDDEN_MESSAGES["notifications:view"]);
  const variant = findGalleryVariant((await params).variant);
  if (!variant) return plain(404, "There is no such email in the gallery.");
  const { html } = await renderForViewer(variant, viewer);
  return new Response(html, { status: 200, headers: HEADERS });
}
