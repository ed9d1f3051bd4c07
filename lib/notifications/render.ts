import { render, toPlainText } from "@react-email/render";
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

/** The kind decides the re-auth stage, whatever the stored props say. */
function normalize(email: AnyEmail): AnyEmail {
  if (email.kind === "reauth_reminder") return { kind: email.kind, props: { ...email.props, stage: "reminder" } };
  if (email.kind === "reauth_required") return { kind: email.kind, props: { ...email.props, stage: "alert" } };
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
 * One React render per email. `render(element, { plainText: true })` would
 * render the whole tree a second time only to convert that HTML to text, so
 * the text comes from the HTML already rendered (html-to-text ignores the
 * doctype React Email swaps in, so the result is the same). See
 * scripts/bench-render.ts for the timings.
 */
export async function renderElement(element: ReactElement): Promise<Omit<RenderedEmail, "subject">> {
  const html = await render(element);
  return { html, text: toPlainText(html, { selectors: textSelectors }) };
}

export async function renderEmail(email: AnyEmail): Promise<RenderedEmail> {
  const normalized = normalize(email);
  const { html, text } = await renderElement(elementFor(normalized));
  return { subject: subjectFor(normalized), html, text };
}
