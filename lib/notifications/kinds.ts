import type { ReactElement } from "react";
import { NOTIFICATION_KINDS, type NotificationKind } from "@/db/schema";
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
import type { CrmProps, PropsByKind } from "./email-props";
import {
  authRestoredSubject,
  integrationDisabledSubject,
  integrationEnabledSubject,
  mappingErrorsSubject,
  reauthSubject,
  syncReportSubject,
  testEmailSubject,
} from "./email-subjects";

/*
 * Everything the app knows about each notification kind, in one entry: the
 * template that renders it, its subject line, how the app labels it, whether
 * it is about one CRM, and its samples in the email gallery. Rendering, the
 * planner, the delivery log and the gallery all read it, so a new kind is the
 * schema enum, a props type, a template and one entry here.
 *
 * It imports every template: server code only. Client components that need a
 * kind's label get it passed in as a prop.
 */

/** A template in emails/: a synchronous component, with the sample props React Email's preview server shows. */
export type EmailTemplate<P> = ((props: P) => ReactElement) & { PreviewProps: P };

/** One section of the email gallery: a template, shared by the kinds it renders. */
export type GallerySection = {
  id: string; // the section's anchor on the gallery page
  file: string; // the template's file in emails/, whose own PreviewProps are one of the samples
  description: string;
};

/** A sample in the gallery; `id` is its file in emails/ or emails/variants/. */
export type GallerySample<K extends NotificationKind> = { id: string; title: string; props: PropsByKind[K] };

export type KindEntry<K extends NotificationKind> = {
  /** How the app names it: delivery log, timeline, gallery section. */
  label: string;
  /** About one CRM: planned with a provider. Follows from the props type, so the two cannot disagree. */
  namesCrm: PropsByKind[K] extends CrmProps ? true : false;
  template: EmailTemplate<PropsByKind[K]>;
  subject: (props: PropsByKind[K]) => string;
  /** Applied before rendering: what the kind implies over what the stored props say. */
  normalize?: (props: PropsByKind[K]) => PropsByKind[K];
  /** When a real email of this kind goes out, as its props tell it. */
  sentMoment: (props: PropsByKind[K]) => string;
  gallery: { section: GallerySection; variants: readonly [GallerySample<K>, ...GallerySample<K>[]] };
};

const DAY_MS = 24 * 60 * 60 * 1000;

const REAUTH_SECTION: GallerySection = {
  id: "reauth",
  file: "reauth-required",
  description: "A CRM's sign-in stopped working: the alert, its 24-hour reminder, and the alert for a deadline already passed.",
};

const KINDS: { [K in NotificationKind]: KindEntry<K> } = {
  reauth_required: {
    label: "Re-authentication required",
    namesCrm: true,
    template: ReauthRequiredEmail,
    subject: reauthSubject,
    // The kind decides the re-auth stage, whatever the stored props say.
    normalize: (props) => ({ ...props, stage: "alert" }),
    sentMoment: (props) => props.occurredAt,
    gallery: {
      section: REAUTH_SECTION,
      variants: [
        { id: "reauth-required", title: "HubSpot token revoked", props: ReauthRequiredEmail.PreviewProps },
        { id: "reauth-deadline-passed", title: "Salesforce deadline already passed", props: ReauthDeadlinePassed.PreviewProps },
        { id: "reauth-scopes-no-admins", title: "New scopes, no active admin", props: ReauthScopesNoAdmins.PreviewProps },
      ],
    },
  },
  reauth_reminder: {
    label: "Re-authentication reminder",
    namesCrm: true,
    template: ReauthRequiredEmail,
    subject: reauthSubject,
    normalize: (props) => ({ ...props, stage: "reminder" }),
    sentMoment: (props) => new Date(Date.parse(props.deadline) - DAY_MS).toISOString(),
    gallery: {
      section: REAUTH_SECTION,
      variants: [{ id: "reauth-reminder", title: "Reminder: 24 hours left", props: ReauthReminder.PreviewProps }],
    },
  },
  auth_restored: {
    label: "Connection restored",
    namesCrm: true,
    template: AuthRestoredEmail,
    subject: authRestoredSubject,
    sentMoment: (props) => props.occurredAt,
    gallery: {
      section: { id: "auth-restored", file: "auth-restored", description: "A CRM that needed re-authentication syncs again." },
      variants: [
        { id: "auth-restored", title: "HubSpot accepted the sign-in again", props: AuthRestoredEmail.PreviewProps },
        { id: "auth-restored-reconnect", title: "Salesforce reconnected by an admin", props: AuthRestoredReconnect.PreviewProps },
      ],
    },
  },
  mapping_errors: {
    label: "Contact mapping errors",
    namesCrm: true,
    template: MappingErrorsEmail,
    subject: mappingErrorsSubject,
    // Props planned before the detailed counts existed lack them: only the
    // records the email itself lists are then known to be detailed.
    normalize: (props) => (typeof props.detailedRecords === "number" ? props : { ...props, detailedRecords: props.records.length }),
    sentMoment: (props) => props.lastAt,
    gallery: {
      section: {
        id: "mapping-errors",
        file: "mapping-errors",
        description: "A digest of records the CRM rejected, grouped by error code with a tip each.",
      },
      variants: [
        { id: "mapping-errors", title: "HubSpot push, 5 error types", props: MappingErrorsEmail.PreviewProps },
        { id: "mapping-hubspot-2000-records", title: "HubSpot digest of 2,000 records", props: MappingHubspotBulk.PreviewProps },
        {
          id: "mapping-hubspot-partial-details",
          title: "HubSpot: 600 reported, 60 detailed",
          props: MappingHubspotPartialDetails.PreviewProps,
        },
        { id: "mapping-salesforce-leads-pull", title: "Salesforce leads pull", props: MappingSalesforceLeads.PreviewProps },
        { id: "mapping-zoho-3-records", title: "Zoho CRM, 3 records", props: MappingZohoThreeRecords.PreviewProps },
      ],
    },
  },
  sync_report: {
    label: "Data sync report",
    namesCrm: true,
    template: SyncReportEmail,
    subject: syncReportSubject,
    // As for mapping errors: older props lack the count of detailed failures.
    normalize: (props) => (typeof props.detailedFailures === "number" ? props : { ...props, detailedFailures: props.failures.length }),
    sentMoment: (props) => props.finishedAt,
    gallery: {
      section: {
        id: "sync-report",
        file: "sync-report",
        description: "The overview of one completed sync, with warnings, failures and follow-ups.",
      },
      variants: [
        { id: "sync-report", title: "Salesforce push with failures", props: SyncReportEmail.PreviewProps },
        { id: "sync-hubspot-clean-pull", title: "Clean HubSpot pull", props: SyncHubspotCleanPull.PreviewProps },
        { id: "sync-salesforce-users", title: "Salesforce user matching", props: SyncSalesforceUsers.PreviewProps },
        { id: "sync-zoho-view-pull", title: "Zoho CRM view pulled", props: SyncZohoViewPull.PreviewProps },
      ],
    },
  },
  integration_enabled: {
    label: "Integration enabled",
    namesCrm: true,
    template: IntegrationEnabledEmail,
    subject: integrationEnabledSubject,
    sentMoment: (props) => props.occurredAt,
    gallery: {
      section: {
        id: "integration-enabled",
        file: "integration-enabled",
        description: "A CRM was connected for the first time or enabled again.",
      },
      variants: [
        { id: "integration-enabled", title: "HubSpot reported enabled", props: IntegrationEnabledEmail.PreviewProps },
        { id: "enabled-salesforce", title: "Salesforce connected", props: EnabledSalesforce.PreviewProps },
        { id: "enabled-zoho", title: "Zoho CRM enabled again", props: EnabledZoho.PreviewProps },
      ],
    },
  },
  integration_disabled: {
    label: "Integration disabled",
    namesCrm: true,
    template: IntegrationDisabledEmail,
    subject: integrationDisabledSubject,
    sentMoment: (props) => props.occurredAt,
    gallery: {
      section: {
        id: "integration-disabled",
        file: "integration-disabled",
        description: "A CRM integration was disabled by an admin, by the CRM or by a missed deadline.",
      },
      variants: [
        { id: "integration-disabled", title: "HubSpot app uninstalled", props: IntegrationDisabledEmail.PreviewProps },
        { id: "disabled-salesforce-deadline", title: "Salesforce re-auth deadline missed", props: DisabledSalesforceDeadline.PreviewProps },
        { id: "disabled-zoho-admin", title: "Zoho CRM disabled by an admin", props: DisabledZohoAdmin.PreviewProps },
      ],
    },
  },
  test: {
    label: "Test email",
    namesCrm: false,
    template: TestEmail,
    subject: testEmailSubject,
    sentMoment: (props) => props.sentAt,
    gallery: {
      section: { id: "test", file: "test-email", description: "Sent from Report settings to check who receives integration reports." },
      variants: [{ id: "test-email", title: "Test from Report settings", props: TestEmail.PreviewProps }],
    },
  },
};

export function kindEntry<K extends NotificationKind>(kind: K): KindEntry<K> {
  return KINDS[kind];
}

export const KIND_LABELS = Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, KINDS[kind].label])) as Record<
  NotificationKind,
  string
>;
