import AuthRestoredEmail from "@/emails/auth-restored";
import IntegrationDisabledEmail from "@/emails/integration-disabled";
import IntegrationEnabledEmail from "@/emails/integration-enabled";
import MappingErrorsEmail from "@/emails/mapping-errors";
import ReauthRequiredEmail from "@/emails/reauth-required";
import SyncReportEmail from "@/emails/sync-report";
import TestEmail from "@/emails/test-email";
import AuthRestoredReconnect from "@/emails/variants/auth-restored-reconnect";
import DisabledSalesforceDeadline from "@/emails/variants/disabled-salesforce-deadline";
import DisabledZohoAdmin from "@/emails/variants/disabled-zoho-admin";
import EnabledSalesforce from "@/emails/variants/enabled-salesforce";
import EnabledZoho from "@/emails/variants/enabled-zoho";
import MappingHubspotBulk from "@/emails/variants/mapping-hubspot-2000-records";
import MappingHubspotPartialDetails from "@/emails/variants/mapping-hubspot-partial-details";
import MappingSalesforceLeads from "@/emails/variants/mapping-salesforce-leads-pull";
import MappingZohoThreeRecords from "@/emails/variants/mapping-zoho-3-records";
import ReauthDeadlinePassed from "@/emails/variants/reauth-deadline-passed";
import ReauthReminder from "@/emails/variants/reauth-reminder";
import ReauthScopesNoAdmins from "@/emails/variants/reauth-scopes-no-admins";
import SyncHubspotCleanPull from "@/emails/variants/sync-hubspot-clean-pull";
import SyncSalesforceUsers from "@/emails/variants/sync-salesforce-users";
import SyncZohoViewPull from "@/emails/variants/sync-zoho-view-pull";
import type { AnyEmail, CompanyRef } from "./email-props";

/*
 * The email gallery (/notifications/emails): every template and preview
 * variant of emails/, grouped by template, and how a variant's sample props
 * are moved onto the viewer's company and this deployment's links. Pure: no
 * database, no environment — the page passes both in.
 */

export const GALLERY_TEMPLATES = [
  { id: "reauth", file: "reauth-required", title: "Re-authentication required", description: "A CRM's sign-in stopped working: the alert, its 24-hour reminder, and the alert for a deadline already passed." },
  { id: "auth-restored", file: "auth-restored", title: "Connection restored", description: "A CRM that needed re-authentication syncs again." },
  { id: "mapping-errors", file: "mapping-errors", title: "Contact mapping errors", description: "A digest of records the CRM rejected, grouped by error code with a tip each." },
  { id: "sync-report", file: "sync-report", title: "Data sync report", description: "The overview of one completed sync, with warnings, failures and follow-ups." },
  { id: "integration-enabled", file: "integration-enabled", title: "Integration enabled", description: "A CRM was connected for the first time or enabled again." },
  { id: "integration-disabled", file: "integration-disabled", title: "Integration disabled", description: "A CRM integration was disabled by an admin, by the CRM or by a missed deadline." },
  { id: "test", file: "test-email", title: "Test email", description: "Sent from Report settings to check who receives integration reports." },
] as const;

export type GalleryTemplateId = (typeof GALLERY_TEMPLATES)[number]["id"];

/** One entry of the gallery; `id` is the file name in emails/ or emails/variants/. */
export type GalleryVariant = AnyEmail & { id: string; template: GalleryTemplateId; title: string };

export const GALLERY_VARIANTS: readonly GalleryVariant[] = [
  { id: "reauth-required", template: "reauth", title: "HubSpot token revoked", kind: "reauth_required", props: ReauthRequiredEmail.PreviewProps },
  { id: "reauth-reminder", template: "reauth", title: "Reminder: 24 hours left", kind: "reauth_reminder", props: ReauthReminder.PreviewProps },
  { id: "reauth-deadline-passed", template: "reauth", title: "Salesforce deadline already passed", kind: "reauth_required", props: ReauthDeadlinePassed.PreviewProps },
  { id: "reauth-scopes-no-admins", template: "reauth", title: "New scopes, no active admin", kind: "reauth_required", props: ReauthScopesNoAdmins.PreviewProps },
  { id: "auth-restored", template: "auth-restored", title: "HubSpot accepted the sign-in again", kind: "auth_restored", props: AuthRestoredEmail.PreviewProps },
  { id: "auth-restored-reconnect", template: "auth-restored", title: "Salesforce reconnected by an admin", kind: "auth_restored", props: AuthRestoredReconnect.PreviewProps },
  { id: "mapping-errors", template: "mapping-errors", title: "HubSpot push, 5 error types", kind: "mapping_errors", props: MappingErrorsEmail.PreviewProps },
  { id: "mapping-hubspot-2000-records", template: "mapping-errors", title: "HubSpot digest of 2,000 records", kind: "mapping_errors", props: MappingHubspotBulk.PreviewProps },
  { id: "mapping-hubspot-partial-details", template: "mapping-errors", title: "HubSpot: 600 reported, 60 detailed", kind: "mapping_errors", props: MappingHubspotPartialDetails.PreviewProps },
  { id: "mapping-salesforce-leads-pull", template: "mapping-errors", title: "Salesforce leads pull", kind: "mapping_errors", props: MappingSalesforceLeads.PreviewProps },
  { id: "mapping-zoho-3-records", template: "mapping-errors", title: "Zoho CRM, 3 records", kind: "mapping_errors", props: MappingZohoThreeRecords.PreviewProps },
  { id: "sync-report", template: "sync-report", title: "Salesforce push with failures", kind: "sync_report", props: SyncReportEmail.PreviewProps },
  { id: "sync-hubspot-clean-pull", template: "sync-report", title: "Clean HubSpot pull", kind: "sync_report", props: SyncHubspotCleanPull.PreviewProps },
  { id: "sync-salesforce-users", template: "sync-report", title: "Salesforce user matching", kind: "sync_report", props: SyncSalesforceUsers.PreviewProps },
  { id: "sync-zoho-view-pull", template: "sync-report", title: "Zoho CRM view pulled", kind: "sync_report", props: SyncZohoViewPull.PreviewProps },
  { id: "integration-enabled", template: "integration-enabled", title: "HubSpot reported enabled", kind: "integration_enabled", props: IntegrationEnabledEmail.PreviewProps },
  { id: "enabled-salesforce", template: "integration-enabled", title: "Salesforce connected", kind: "integration_enabled", props: EnabledSalesforce.PreviewProps },
  { id: "enabled-zoho", template: "integration-enabled", title: "Zoho CRM enabled again", kind: "integration_enabled", props: EnabledZoho.PreviewProps },
  { id: "integration-disabled", template: "integration-disabled", title: "HubSpot app uninstalled", kind: "integration_disabled", props: IntegrationDisabledEmail.PreviewProps },
  { id: "disabled-salesforce-deadline", template: "integration-disabled", title: "Salesforce re-auth deadline missed", kind: "integration_disabled", props: DisabledSalesforceDeadline.PreviewProps },
  { id: "disabled-zoho-admin", template: "integration-disabled", title: "Zoho CRM disabled by an admin", kind: "integration_disabled", props: DisabledZohoAdmin.PreviewProps },
  { id: "test-email", template: "test", title: "Test from Report settings", kind: "test", props: TestEmail.PreviewProps },
];

export function findGalleryVariant(id: string): GalleryVariant | undefined {
  return GALLERY_VARIANTS.find((variant) => variant.id === id);
}

/** Where a variant lives: the template's own PreviewProps, or a small file in emails/variants/. */
export function sourceFile(variant: GalleryVariant): string {
  const own = GALLERY_TEMPLATES.some((t) => t.file === variant.id);
  return own ? `emails/${variant.id}.tsx` : `emails/variants/${variant.id}.tsx`;
}

/** The variants of each template, in gallery order. */
export function galleryByTemplate() {
  return GALLERY_TEMPLATES.map((template) => ({
    ...template,
    variants: GALLERY_VARIANTS.filter((variant) => variant.template === template.id),
  }));
}

export type RebaseTarget = {
  company: CompanyRef;
  appUrl: string; // absolute, no trailing slash
  /** The notification a sent preview became: links to "this notification" then open it. */
  notificationId?: string;
};

const NOTIFICATION_PATH = /^\/notifications\/[^/]+/;

function rebaseUrl(url: string, target: RebaseTarget): string {
  const { pathname, search, hash } = new URL(url);
  const path = target.notificationId
    ? pathname.replace(NOTIFICATION_PATH, `/notifications/${encodeURIComponent(target.notificationId)}`)
    : pathname;
  return `${target.appUrl}${path}${search}${hash}`;
}

/**
 * A variant's email as the viewer's company would get it from this
 * deployment: the company's name and time zone, `appUrl`, and every link prop
 * (`…Url`) moved onto `appUrl`, keeping its path and query. Everything else —
 * the sample CRM data, the recipients' reason — stays as the variant has it.
 */
export function rebaseEmail<E extends AnyEmail>(email: E, target: RebaseTarget): E {
  const props: Record<string, unknown> = {
    ...email.props,
    appUrl: target.appUrl,
    company: { id: target.company.id, name: target.company.name, timeZone: target.company.timeZone },
  };
  for (const [key, value] of Object.entries(props)) {
    if (key !== "appUrl" && key.endsWith("Url") && typeof value === "string") props[key] = rebaseUrl(value, target);
  }
  return { ...email, props } as E;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** When the real email of this variant would have gone out: the moment moved to "now". */
function sentMoment(email: AnyEmail): string {
  switch (email.kind) {
    case "reauth_reminder":
      return new Date(Date.parse(email.props.deadline) - DAY_MS).toISOString();
    case "reauth_required":
    case "auth_restored":
    case "integration_enabled":
    case "integration_disabled":
      return email.props.occurredAt;
    case "mapping_errors":
      return email.props.lastAt;
    case "sync_report":
      return email.props.finishedAt;
    case "test":
      return email.props.sentAt;
  }
}

function shift(value: unknown, by: number): unknown {
  if (typeof value === "string") return ISO_INSTANT.test(value) ? new Date(Date.parse(value) + by).toISOString() : value;
  if (Array.isArray(value)) return value.map((v) => shift(v, by));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shift(v, by)]));
  return value;
}

/**
 * A variant's sample times moved together so the email would go out at `now`:
 * a sent preview's deadline lies ahead as in a real alert (or just behind, for
 * the deadline-passed variant), never weeks in the past.
 */
export function atTime<E extends AnyEmail>(email: E, now: Date): E {
  const by = now.getTime() - Date.parse(sentMoment(email));
  return { ...email, props: shift(email.props, by) } as E;
}
