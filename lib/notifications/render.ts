import { plainTextSelectors } from "@react-email/render";
import { compile } from "html-to-text";
import { createElement, type ReactElement } from "react";
import AuthRestoredEmail from "@/emails/auth-restored";
import IntegrationDisabledEmail from "@/emails/integration-disabled";
import IntegrationEnabledEmail from "@/emails/integration-enabled";
import MappingErrorsEmail from "@/emails/mapping-errors";
import ReauthRequiredEmail from "@/emails/reauth-required";
import SyncReportEmail from "@/emails/sync-report";
import TestEmail from "@/emails/test-email";
import type { AnyEmail, RenderedEmail } from "./email-props";
import { subjectFor } from "./email-subjects";

/*
 * Renders one planned email to what is stored and sent (SPEC R24, R25):
 * subject, HTML and plain text. A plain async function with no request or
 * server-only dependencies, so the outbox worker, the in-app gallery and
 * tests all call the same code.
 */

/*
 * The kind decides the re-auth stage, whatever the stored props say. Props
 * planned before the detailed counts existed lack them: only the records the
 * email itself lists are then known to be detailed, so that is what it claims.
 */
function normalize(email: AnyEmail): AnyEmail {
  if (email.kind === "reauth_reminder") return { kind: email.kind, props: { ...email.props, stage: "reminder" } };
  if (email.kind === "reauth_required") return { kind: email.kind, props: { ...email.props, stage: "alert" } };
  if (email.kind === "mapping_errors" && typeof email.props.detailedRecords !== "number") {
    return { kind: email.kind, props: { ...email.props, detailedRecords: email.props.records.length } };
  }
  if (email.kind === "sync_report" && typeof email.props.detailedFailures !== "number") {
    return { kind: email.kind, props: { ...email.props, detailedFailures: email.props.failures.length } };
  }
  return email;
}

function elementFor(email: AnyEmail): ReactElement {
  switch (email.kind) {
    case "reauth_required":
    case "reauth_reminder":
      return createElement(ReauthRequiredEmail, email.props);
    case "auth_restored":
      return createElement(AuthRestoredEmail, email.props);
    case "mapping_errors":
      return createElement(MappingErrorsEmail, email.props);
    case "sync_report":
      return createElement(SyncReportEmail, email.props);
    case "integration_enabled":
      return createElement(IntegrationEnabledEmail, email.props);
    case "integration_disabled":
      return createElement(IntegrationDisabledEmail, email.props);
    case "test":
      return createElement(TestEmail, email.props);
  }
}

/*
 * Plain-text layout on top of React Email's defaults: a key fact or numbered
 * step reads as one line ("Deadline: …", "1. …"), a listed record as one
 * paragraph, and headings keep their case.
 */
const textSelectors = [
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
const DOCTYPE =
  '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

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

export async function renderEmail(email: AnyEmail): Promise<RenderedEmail> {
  const normalized = normalize(email);
  const { html, text } = await renderElement(elementFor(normalized));
  return { subject: subjectFor(normalized), html, text };
}
