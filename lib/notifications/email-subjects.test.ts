import { describe, expect, it } from "vitest";
import AuthRestoredEmail from "@/emails/auth-restored";
import IntegrationDisabledEmail from "@/emails/integration-disabled";
import MappingErrorsEmail from "@/emails/mapping-errors";
import ReauthRequiredEmail from "@/emails/reauth-required";
import SyncReportEmail from "@/emails/sync-report";
import TestEmail from "@/emails/test-email";
import SyncHubspotCleanPull from "@/emails/variants/sync-hubspot-clean-pull";
import SyncZohoViewPull from "@/emails/variants/sync-zoho-view-pull";
import { cleanSubject } from "./email-subjects";
import { subjectFor } from "./render";

const reauth = ReauthRequiredEmail.PreviewProps;

describe("subjectFor", () => {
  it("starts a gallery preview's subject with [Preview], also when it is cut to length", () => {
    const galleryPreview = { requestedBy: { name: "Ada Admin", email: "admin@acme.test" }, sentAt: "2026-11-27T10:00:00Z" };
    expect(subjectFor({ kind: "reauth_required", props: { ...reauth, galleryPreview } })).toBe(
      `[Preview] ${subjectFor({ kind: "reauth_required", props: reauth })}`,
    );
    const long = subjectFor({
      kind: "sync_report",
      props: {
        ...SyncReportEmail.PreviewProps,
        view: { id: "1", name: "v".repeat(300) },
        operation: "zoho_views.pull",
        provider: "zoho",
        galleryPreview,
      },
    });
    expect(long.startsWith("[Preview] Zoho CRM view")).toBe(true);
  });

  it("asks for a reconnect by the deadline in the company's zone", () => {
    expect(subjectFor({ kind: "reauth_required", props: reauth })).toBe(
      "Action required: HubSpot needs to be reconnected by Nov 30, 5:00 AM EST",
    );
  });

  it("escalates the reminder", () => {
    expect(subjectFor({ kind: "reauth_reminder", props: { ...reauth, stage: "reminder" } })).toBe(
      "Reminder: HubSpot disconnects in 24 hours — reconnect by Nov 30, 5:00 AM EST",
    );
  });

  it("says when the deadline had already passed", () => {
    expect(subjectFor({ kind: "reauth_required", props: { ...reauth, deadlinePassed: true } })).toBe(
      "HubSpot integration disabled: the reconnect deadline (Nov 30, 5:00 AM EST) has passed",
    );
  });

  it("announces recovery", () => {
    expect(subjectFor({ kind: "auth_restored", props: AuthRestoredEmail.PreviewProps })).toBe("HubSpot reconnected — syncing again");
  });

  it("counts failed records and error types, with singulars", () => {
    const props = MappingErrorsEmail.PreviewProps;
    expect(subjectFor({ kind: "mapping_errors", props })).toBe("HubSpot: 250 contacts failed to push (5 error types)");
    const one = {
      ...props,
      provider: "salesforce" as const,
      direction: "pull" as const,
      object: "lead" as const,
      totalRecords: 1,
      groups: props.groups.slice(0, 1),
    };
    expect(subjectFor({ kind: "mapping_errors", props: one })).toBe("Salesforce: 1 lead failed to pull (1 error type)");
  });

  it("summarises a sync run", () => {
    expect(subjectFor({ kind: "sync_report", props: SyncReportEmail.PreviewProps })).toBe(
      "Salesforce contacts push finished: 1,240 processed, 16 failed, 2 warnings",
    );
    expect(subjectFor({ kind: "sync_report", props: SyncHubspotCleanPull.PreviewProps })).toBe(
      "HubSpot contacts pull finished: 5,312 processed, none failed",
    );
  });

  it("names a Zoho view", () => {
    expect(subjectFor({ kind: "sync_report", props: SyncZohoViewPull.PreviewProps })).toBe(
      "Zoho CRM view “Open Leads – West” pulled: 512 processed, none failed",
    );
  });

  it("gives the disable reason", () => {
    expect(subjectFor({ kind: "integration_disabled", props: IntegrationDisabledEmail.PreviewProps })).toBe(
      "HubSpot integration disabled: the app was uninstalled",
    );
  });

  it("names the company on the test email", () => {
    expect(subjectFor({ kind: "test", props: TestEmail.PreviewProps })).toBe("Switchboard test email for Acme Dialers");
  });

  it("keeps event text from breaking the header", () => {
    const view = { id: "1", name: "Leads\r\nBcc: attacker@example.com" };
    const subject = subjectFor({ kind: "sync_report", props: { ...SyncZohoViewPull.PreviewProps, view } });
    expect(subject).not.toMatch(/[\r\n]/);
    expect(subject).toContain("“Leads Bcc: attacker@example.com”");
  });
});

describe("cleanSubject", () => {
  it("caps the length with an ellipsis", () => {
    const subject = cleanSubject(`HubSpot ${"x".repeat(400)}`);
    expect(subject.length).toBe(200);
    expect(subject.endsWith("…")).toBe(true);
  });
});
