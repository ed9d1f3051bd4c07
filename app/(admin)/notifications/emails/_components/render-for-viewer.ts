import "server-only";
import { env } from "@/lib/env";
import type { Viewer } from "@/lib/auth/session";
import type { RenderedEmail } from "@/lib/notifications/email-props";
import { rebaseEmail, type GalleryVariant } from "@/lib/notifications/gallery";
import { renderEmail } from "@/lib/notifications/render";

/** A gallery variant as the viewer's company would receive it from this deployment. */
export function renderForViewer(variant: GalleryVariant, viewer: Viewer): Promise<RenderedEmail> {
  const { id, name, timeZone } = viewer.company;
  return renderEmail(rebaseEmail(variant, { company: { id, name, timeZone }, appUrl: env.APP_URL }));
}

/** The inbox preview line (React Email's hidden <Preview> text), for the gallery cards. */
export function previewLine(html: string): string {
  const body = html.indexOf("<body");
  const match = /data-skip-in-text="true">([^<]*)/.exec(html.slice(body));
  return match ? decodeEntities(match[1]).trim() : "";
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
