import { describe, expect, it } from "vitest";
import AuthRestoredEmail from "@/emails/auth-restored";
import IntegrationDisabledEmail from "@/emails/integration-disabled";
import IntegrationEnabledEmail from "@/emails/integration-enabled";
import MappingErrorsEmail from "@/emails/mapping-errors";
import ReauthRequiredEmail from "@/emails/reauth-required";
import SyncReportEmail from "@/emails/sync-report";
import TestEmail from "@/emails/test-email";
import MappingHubspotBulk from "@/emails/variants/mapping-hubspot-2000-records";
import MappingHubspotPartialDetails from "@/emails/variants/mapping-hubspot-partial-details";
import ReauthDeadlinePassed from "@/emails/variants/reauth-deadline-passed";
import ReauthScopesNoAdmins from "@/emails/variants/reauth-scopes-no-admins";
import type { AnyEmail } from "./email-props";
import { PROVIDER_NAMES } from "@/lib/integrations/providers";
import { renderEmail } from "./render";

const XSS = "<img src=x onerror=alert(1)>";
const XSS_ESCAPED = "&lt;img src=x onerror=alert(1)&gt;";

/** Every email kind with its template's PreviewProps, and a phrase its <Preview> must carry. */
const SAMPLES: { email: AnyEmail; preview: string }[] = [
  {
    email: { kind: "reauth_required", props: ReauthRequiredEmail.PreviewProps },
    preview: "A company admin must reconnect it by Nov 30, 5:00 AM EST.",
  },
  {
    email: { kind: "reauth_reminder", props: ReauthRequiredEmail.PreviewProps },
    preview: "24 hours left: reconnect HubSpot by Nov 30, 5:00 AM EST",
  },
  { email: { kind: "auth_restored", props: AuthRestoredEmail.PreviewProps }, preview: "HubSpot is connected again for Acme Dialers." },
  {
    email: { kind: "mapping_errors", props: MappingErrorsEmail.PreviewProps },
    preview: "250 contacts could not be pushed to HubSpot (5 error types).",
  },
  {
    email: { kind: "sync_report", props: SyncReportEmail.PreviewProps },
    preview: "Salesforce contacts push finished: 1,240 processed, 16 failed, 2 warnings.",
  },
  {
    email: { kind: "integration_enabled", props: IntegrationEnabledEmail.PreviewProps },
    preview: "HubSpot is now connected and syncing for Acme Dialers.",
  },
  {
    email: { kind: "integration_disabled", props: IntegrationDisabledEmail.PreviewProps },
    preview: "Nothing syncs between Switchboard and HubSpot for Acme Dialers until it is reconnected.",
  },
  { email: { kind: "test", props: TestEmail.PreviewProps }, preview: "Ada Admin sent this test from Report settings." },
];

function hrefs(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
}

/** The text of the hidden preview block, which must sit inside <body>. */
function previewBlock(html: string): string {
  const body = html.indexOf("<body");
  const match = /<div[^>]*data-skip-in-text="true"[^>]*>([^<]*)/.exec(html.slice(body));
  return body >= 0 && match ? match[1] : "";
}

describe("renderEmail with every template's PreviewProps", () => {
  it.each(SAMPLES.map((s) => [s.email.kind, s] as const))("%s renders subject, HTML and text", async (_kind, { email, preview }) => {
    const out = await renderEmail(email);
    const named = "provider" in email.props ? PROVIDER_NAMES[email.props.provider] : email.props.company.name;
    expect(out.subject).toContain(named);
    expect(out.html.startsWith("<!DOCTYPE html")).toBe(true);
    expect(previewBlock(out.html)).toContain(preview);
    expect(out.text).not.toContain(preview); // the preview line is for the inbox list only
    expect(out.text.length).toBeGreaterThan(400);
    expect(out.text).toContain(email.props.reportSettingsUrl); // R30 footer link survives in text
    for (const bad of ["undefined", "NaN", "Invalid Date", "[object Object]"]) {
      expect(out.html).not.toContain(bad);
      expect(out.text).not.toContain(bad);
    }
    const links = hrefs(out.html);
    expect(links.length).toBeGreaterThan(1);
    for (const link of links) expect(link).toMatch(/^https?:\/\//);
  });

  it("links each email's one call to action", async () => {
    const cta = async (email: AnyEmail, url: string) => expect(hrefs((await renderEmail(email)).html)).toContain(url);
    await cta(SAMPLES[0].email, "http://localhost:3000/integrations?reconnect=hubspot");
    await cta(SAMPLES[3].email, MappingErrorsEmail.PreviewProps.recordsUrl);
    await cta(SAMPLES[3].email, MappingErrorsEmail.PreviewProps.mappingUrl);
    await cta(SAMPLES[4].email, SyncReportEmail.PreviewProps.reportUrl);
  });
});

describe("re-auth emails", () => {
  it("name the admins who can reconnect, with the deadline in zone and UTC", async () => {
    const { html, text } = await renderEmail(SAMPLES[0].email);
    for (const out of [html, text]) {
      expect(out).toContain("Ada Admin");
      expect(out).toContain("admin@acme.test");
      expect(out).toContain("Nov 30, 2026, 5:00 AM EST (10:00 UTC)");
    }
    expect(text).toMatch(/^1\. A company admin opens Integrations/m);
  });

  it("say so when the company has no admin", async () => {
    const { text } = await renderEmail({ kind: "reauth_required", props: ReauthScopesNoAdmins.PreviewProps });
    expect(text).toContain("Acme Dialers has no active company admin");
    expect(text).toContain("escalation address");
  });

  it("let the kind decide the stage", async () => {
    const out = await renderEmail({ kind: "reauth_reminder", props: { ...ReauthRequiredEmail.PreviewProps, stage: "alert" } });
    expect(out.subject.startsWith("Reminder:")).toBe(true);
    expect(out.text).toContain("24 hours left");
  });

  it("state that a passed deadline disabled the integration", async () => {
    const out = await renderEmail({ kind: "reauth_required", props: ReauthDeadlinePassed.PreviewProps });
    expect(out.subject).toContain("Salesforce integration disabled");
    expect(out.text).toContain("has already passed");
    expect(out.text).toContain("Status: Disabled");
  });
});

describe("large mapping digests", () => {
  it("list 25 records, point to the other 1,975 and stay under 100 KB", async () => {
    const out = await renderEmail({ kind: "mapping_errors", props: MappingHubspotBulk.PreviewProps });
    expect(Buffer.byteLength(out.html, "utf8")).toBeLessThan(100 * 1024);
    const ids = new Set(out.html.match(/c_2\d{4}/g));
    expect(ids.size).toBe(25);
    expect(out.html).not.toContain("c_20026");
    expect(out.html).toContain("And 1,975 more");
    expect(out.text).toContain("And 1,975 more — see all 2,000 contacts in Switchboard");
    expect(out.subject).toBe("HubSpot: 2,000 contacts failed to push (3 error types)");
  });
});

/** Each link to the records page with its text, as the plain-text version shows it ("text url"). */
function recordsLinks(text: string, url: string): string[] {
  return text.split("\n").filter((line) => line.includes(url));
}

describe("events that report more failed records than they detail", () => {
  it("mapping errors: 250 reported, 5 detailed — says so, and no link promises the other 245", async () => {
    const props = MappingErrorsEmail.PreviewProps;
    const { html, text } = await renderEmail({ kind: "mapping_errors", props });
    for (const out of [html, text]) {
      expect(out).toContain("HubSpot reported 250 failed contacts; details for 5 are below.");
      expect(out).toContain("HubSpot sent no details for the other 245 contacts, so Switchboard cannot list them");
      expect(out).not.toMatch(/245 more|see all 250|all 250 contacts/);
    }
    const links = recordsLinks(text, props.recordsUrl);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).toContain("the 5 contacts with details");
    expect(text).toContain(`Review the 5 contacts with details ${props.recordsUrl}`);
  });

  it("a digest: 600 reported, 60 detailed, 25 listed — the 60 are in Switchboard, the other 540 nowhere", async () => {
    const props = MappingHubspotPartialDetails.PreviewProps;
    const { text } = await renderEmail({ kind: "mapping_errors", props });
    expect(text).toContain("HubSpot reported 600 failed contacts; details for 60 are in Switchboard, the first 25 below.");
    expect(text).toContain(`And 35 more with details — see the 60 contacts with details in Switchboard ${props.recordsUrl}`);
    expect(text).toContain("HubSpot sent no details for the other 540 contacts");
    expect(text).not.toMatch(/575 more|all 600/);
  });

  it("sync report: 16 failed, 1 detailed — no 'see every failed record' for rows that do not exist", async () => {
    const props = SyncReportEmail.PreviewProps;
    const { html, text } = await renderEmail({ kind: "sync_report", props });
    for (const out of [html, text]) {
      expect(out).toContain("Salesforce reported 16 failed records; details for 1 are below.");
      expect(out).toContain("Salesforce sent no details for the other 15 records");
      expect(out).not.toMatch(/15 more|see every failed|1 of 16 shown|the 16 failed records/);
    }
    for (const link of recordsLinks(text, props.recordsUrl)) expect(link).toContain("the 1 record with details");
  });

  it("sync report with failures but no details: no link to an empty records page", async () => {
    const props = { ...SyncReportEmail.PreviewProps, failures: [], detailedFailures: 0 };
    const { html, text } = await renderEmail({ kind: "sync_report", props });
    expect(hrefs(html)).not.toContain(props.recordsUrl);
    expect(text).toContain("Salesforce reported 16 failed records without details, so none can be listed.");
  });

  it("props planned before the detailed count existed claim only the records they list", async () => {
    const { detailedRecords: _omitted, ...legacy } = { ...MappingErrorsEmail.PreviewProps, moreCount: 245 };
    const { text } = await renderEmail({ kind: "mapping_errors", props: legacy as unknown as typeof MappingErrorsEmail.PreviewProps });
    expect(text).toContain("HubSpot reported 250 failed contacts; details for 5 are below.");
    expect(text).not.toContain("245 more");
  });
});

describe("event-supplied text", () => {
  const emails: AnyEmail[] = [
    {
      kind: "mapping_errors",
      props: {
        ...MappingErrorsEmail.PreviewProps,
        records: [{ recordId: "c_1", recordName: XSS, recordEmail: XSS, field: XSS, crmProperty: "email", code: XSS, message: XSS }],
        groups: [{ code: XSS, count: 1, tip: "Fix it." }],
      },
    },
    {
      kind: "sync_report",
      props: {
        ...SyncReportEmail.PreviewProps,
        provider: "zoho",
        operation: "zoho_views.pull",
        view: { id: XSS, name: XSS },
        warnings: [{ code: XSS, message: XSS, count: 1 }],
        failures: [{ recordId: XSS, code: XSS, message: XSS }],
        followUps: [XSS],
      },
    },
    {
      kind: "reauth_required",
      props: { ...ReauthRequiredEmail.PreviewProps, message: XSS, providerError: XSS, admins: [{ name: XSS, email: XSS }] },
    },
    { kind: "integration_disabled", props: { ...IntegrationDisabledEmail.PreviewProps, actor: { name: XSS, email: XSS } } },
    { kind: "integration_enabled", props: { ...IntegrationEnabledEmail.PreviewProps, actor: { name: XSS, email: XSS } } },
    {
      kind: "test",
      props: {
        ...TestEmail.PreviewProps,
        company: { ...TestEmail.PreviewProps.company, name: XSS },
        requestedBy: { name: XSS, email: XSS },
        recipients: [XSS],
      },
    },
  ];

  it.each(emails.map((e) => [e.kind, e] as const))("is escaped in %s HTML and verbatim in its text", async (_kind, email) => {
    const { html, text } = await renderEmail(email);
    expect(html).not.toContain("<img");
    expect(html).not.toContain("onerror=alert(1)>");
    expect(html).toContain(XSS_ESCAPED);
    expect(text).toContain(XSS);
  });
});
