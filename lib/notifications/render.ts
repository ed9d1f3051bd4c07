import { plainTextSelectors } from "@react-email/render";
import { compile } from "html-to-text";
import { createElement, type ReactElement } from "react";
import type { AnyEmail, RenderedEmail } from "./email-props";
import { cleanSubject } from "./email-subjects";
import { kindEntry } from "./kinds";

/*
 * Renders one planned email to what is stored and sent (docs/product R24, R25):
 * subject, HTML and plain text. A plain async function with no request or
 * server-only dependencies, so the outbox worker, the in-app gallery and
 * tests all call the same code.
 */

/** A gallery preview must never read as a real alert in an inbox list. */
export const PREVIEW_SUBJECT_PREFIX = "[Preview] ";

/** The subject line (docs/product R21), marked when the email is a gallery preview. */
export function subjectFor(email: AnyEmail): string {
  const subject = kindEntry(email.kind).subject(email.props);
  return cleanSubject(email.props.galleryPreview ? `${PREVIEW_SUBJECT_PREFIX}${subject}` : subject);
}

/*
 * Plain-text layout on top of React Email's defaults: a key fact or numbered
 * step reads as one line ("Deadline: …", "1. …"), a listed record as one
 * paragraph, and headings keep their case.
 */
export const textSelectors = [
  { selector: "[data-text=row]", format: "block", options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
  { selector: "td[data-text=inline]", format: "inline" },
  { selector: "tr[data-text=record]", format: "block", options: { leadingLineBreaks: 2, trailingLineBreaks: 2 } },
  { selector: "h1", options: { uppercase: false } },
  { selector: "h2", options: { uppercase: false } },
];

/*
 * React Email's toPlainText (html-to-text with its selectors, no word wrap),
 * compiled once: `convert` compiles its options on every call, which cost
 * more than converting the HTML of a typical email.
 */
const toPlainText = compile({ wordwrap: false, selectors: [...plainTextSelectors, ...textSelectors] });

/*
 * Rendering is on the worker's path for every message, so it is kept lean
 * (scripts/bench-render.ts measures it):
 * - one React pass per email: the text version is converted from the HTML
 *   already rendered, not from a second render of the whole tree;
 * - the synchronous renderToStaticMarkup instead of React Email's streaming
 *   render: the same markup without React's hydration comments (`<!--$-->`,
 *   `<!-- -->`), which an email never needs, and without a stream per call.
 *   Templates are synchronous components, so nothing waits on Suspense.
 * react-dom/server is imported lazily, as React Email's render does: a static
 * import fails in the React Server Components build of the gallery pages.
 */
const DOCTYPE = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

type ReactDomServer = typeof import("react-dom/server");
let server: Promise<ReactDomServer> | undefined;

function loadServer(): Promise<ReactDomServer> {
  // A CommonJS module imported from ESM may arrive under `default`.
  server ??= import("react-dom/server").then((m) => ("default" in m ? (m.default as ReactDomServer) : m));
  return server;
}

/** React adds image preload hints for every <img>; email clients ignore them (as React Email's render strips them). */
function withoutImagePreloads(html: string): string {
  if (!html.includes('rel="preload"')) return html; // most emails: no scan of the whole document
  return html.replace(/<link\b[^>]*>/gi, (tag) => (/\brel="preload"/.test(tag) && /\bas="image"/.test(tag) ? "" : tag));
}

/**
 * The text version ignores <head> and every attribute but the few the
 * converter reads (links, image alt text, table spans, the data-* hooks of
 * its selectors): those are most of an email's bytes, and the converter's
 * cost grows with what it has to parse.
 */
const UNREAD_ATTRIBUTE = / (?!href=|alt=|colspan=|rowspan=|data-)[a-zA-Z-]+="[^"]*"/g;

function textSource(html: string): string {
  return html.replace(/<head>[\s\S]*?<\/head>/, "").replace(UNREAD_ATTRIBUTE, "");
}

export async function renderElement(element: ReactElement): Promise<Omit<RenderedEmail, "subject">> {
  const { renderToStaticMarkup } = await loadServer();
  const html = DOCTYPE + withoutImagePreloads(renderToStaticMarkup(element)).replace(/^<!DOCTYPE[^>]*>/i, "");
  return { html, text: toPlainText(textSource(html)) };
}

/** The email as its kind's entry has it: props normalized, and the element its template makes of them. */
export function emailElement(email: AnyEmail): { email: AnyEmail; element: ReactElement } {
  const { template, normalize } = kindEntry(email.kind);
  const normalized = { kind: email.kind, props: normalize ? normalize(email.props) : email.props } as AnyEmail;
  return { email: normalized, element: createElement(template, normalized.props) };
}

export async function renderEmail(email: AnyEmail): Promise<RenderedEmail> {
  const { email: normalized, element } = emailElement(email);
  const { html, text } = await renderElement(element);
  return { subject: subjectFor(normalized), html, text };
}
