import { render } from "@react-email/render";
import { describe, expect, it } from "vitest";
import { GALLERY_VARIANTS } from "./gallery";
import { emailElement, renderEmail, textSelectors } from "./render";

/*
 * render.ts re-implements React Email's render for speed (one synchronous
 * React pass, text converted from that HTML with a precompiled converter).
 * Every gallery variant is rendered both ways here, so an upgrade of React,
 * React Email or html-to-text that changes what upstream produces fails this
 * test instead of drifting silently.
 */

/*
 * The only legitimate difference: React Email streams the tree inside a
 * <Suspense>, and React's streaming renderer leaves markers for a browser to
 * hydrate by: the Suspense boundary (`<!--$-->` … `<!--/$-->`), a separator
 * between adjacent text nodes (`<!-- -->`) and which of <html>, <head> and
 * <body> it wrote (`<!--html-->`, `<!--head-->`, `<!--body-->`).
 * renderToStaticMarkup writes none of them; an email is never hydrated.
 * Nothing else is removed: Outlook's conditional comments, for one, must match.
 */
const HYDRATION_MARKER = /<!--\/?\$-->|<!-- -->|<!--(?:html|head|body)-->/;
const HYDRATION_MARKERS = new RegExp(HYDRATION_MARKER.source, "g");

function withoutHydrationMarkers(html: string): string {
  return html.replace(HYDRATION_MARKERS, "");
}

describe("render.ts matches @react-email/render", () => {
  it.each(GALLERY_VARIANTS.map((v) => [v.id, v] as const))("%s: the same HTML and plain text", async (_id, variant) => {
    const { element } = emailElement(variant);
    const ours = await renderEmail(variant);
    const html = await render(element);
    // Upstream's text with the same selectors on top of its defaults, as render.ts configures them.
    const text = await render(element, { plainText: true, htmlToTextOptions: { selectors: textSelectors } });

    expect(ours.html).not.toMatch(HYDRATION_MARKER);
    expect(ours.html).toBe(withoutHydrationMarkers(html));
    expect(ours.text).toBe(text);
  });

  it("removes only the markers, which upstream does write", async () => {
    const html = await render(emailElement(GALLERY_VARIANTS[0]).element);
    const markers = html.match(HYDRATION_MARKERS) ?? [];
    // Still written upstream: without them the comparison above would prove nothing about the normalisation.
    expect(new Set(markers)).toEqual(new Set(["<!--$-->", "<!--/$-->", "<!-- -->", "<!--html-->", "<!--head-->", "<!--body-->"]));
    expect(withoutHydrationMarkers(html).length).toBe(html.length - markers.join("").length);
    expect(withoutHydrationMarkers(html)).toContain("<!--[if mso]>");
  });
});
