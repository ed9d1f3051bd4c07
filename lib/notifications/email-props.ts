import type { NotificationKind, ReportRole } from "@/db/schema";
import type { MappingDirection, MappingObject, SyncOperation } from "@/lib/integrations/ingest/event-types";
import type { Provider } from "@/lib/integrations/providers";
import type { DisableReason, ReauthReason } from "@/lib/integrations/reasons";

/*
 * The contract between planning (lib/notifications/plan-*.ts, which builds
 * these props inside the ingestion transaction and stores them as JSON) and
 * the templates in emails/ (which render them later, once, in the worker).
 * Everything here is plain JSON: times are ISO-8601 strings in UTC; templates
 * format them in `company.timeZone` with UTC beside them (docs/product R38).
 */

export type CompanyRef = { id: string; name: string; timeZone: string };
export type Person = { name: string; email: string };

/** Why the recipients get this email (docs/product R30). */
export type RecipientReason = {
  roles: ReportRole[]; // roles checked in Report settings
  additional: boolean; // some recipients are listed as additional recipients
  noRecipients: boolean; // nobody resolved: sent to the escalation address
};

/**
 * An email sent from the gallery's "Send me this preview": sample data, to the
 * person who asked only. The subject and a banner at the top say so.
 */
export type GalleryPreview = { requestedBy: Person; sentAt: string };

export type CommonProps = {
  appUrl: string; // absolute base, no trailing slash
  company: CompanyRef;
  reason: RecipientReason;
  reportSettingsUrl: string;
  galleryPreview?: GalleryPreview;
};

export type CrmProps = CommonProps & { provider: Provider };

export type ReauthRequiredProps = CrmProps & {
  stage: "alert" | "reminder";
  // Not `reason`: CommonProps.reason (who receives it, R30) already holds that name.
  reauthReason: ReauthReason;
  message?: string;
  providerError?: string; // compact JSON of the CRM's error, shown as a detail
  occurredAt: string;
  deadline: string;
  deadlinePassed: boolean; // the deadline had already passed when the event arrived
  admins: Person[]; // company admins who can reconnect
  reconnectUrl: string; // {appUrl}/integrations?reconnect={provider}
};

export type AuthRestoredProps = CrmProps & {
  occurredAt: string;
  brokenSince?: string; // when the re-auth alert opened
  via: "event" | "reconnect";
  integrationsUrl: string;
};

export type MappingErrorRecord = {
  recordId: string;
  recordName?: string;
  recordEmail?: string;
  field?: string;
  crmProperty?: string;
  code: string;
  message: string;
};

export type MappingErrorsProps = CrmProps & {
  direction: MappingDirection;
  object: MappingObject;
  firstAt: string; // first error event in the digest
  lastAt: string;
  eventCount: number;
  totalRecords: number; // the CRM's count of failed records (≥ detailedRecords)
  detailedRecords: number; // records it sent details for: all stored, all on the records page
  groups: { code: string; count: number; tip: string }[]; // detailed records by code, by count descending
  records: MappingErrorRecord[]; // the first 25 detailed records
  recordsUrl: string; // {appUrl}/notifications/{id}/records
  mappingUrl: string; // {appUrl}/integrations/{provider}/settings/mapping
};

export type SyncReportProps = CrmProps & {
  operation: SyncOperation;
  startedAt: string;
  finishedAt: string;
  counts: { processed: number; created: number; updated: number; skipped: number; failed: number };
  warnings: { code: string; message: string; count?: number }[];
  failures: { recordId?: string; code: string; message: string }[]; // the first 25 detailed failures
  detailedFailures: number; // failures it sent details for: all stored, all on the records page (counts.failed may be more)
  view?: { id: string; name: string };
  followUps: string[];
  reportUrl: string; // {appUrl}/notifications/{id}
  recordsUrl: string; // {appUrl}/notifications/{id}/records
};

export type IntegrationEnabledProps = CrmProps & {
  occurredAt: string;
  actor?: Person;
  via: "event" | "admin" | "connect";
  settingsUrl: string; // {appUrl}/integrations/{provider}/settings/sync
};

export type IntegrationDisabledProps = CrmProps & {
  occurredAt: string;
  actor?: Person;
  disableReason: DisableReason; // not `reason`, see ReauthRequiredProps
  integrationsUrl: string; // {appUrl}/integrations (?reconnect={provider} for auth reasons)
  needsReconnect: boolean;
};

export type TestEmailProps = CommonProps & {
  requestedBy: Person;
  sentAt: string;
  recipients: string[];
};

export type PropsByKind = {
  reauth_required: ReauthRequiredProps;
  reauth_reminder: ReauthRequiredProps;
  auth_restored: AuthRestoredProps;
  mapping_errors: MappingErrorsProps;
  sync_report: SyncReportProps;
  integration_enabled: IntegrationEnabledProps;
  integration_disabled: IntegrationDisabledProps;
  test: TestEmailProps;
};

export type AnyEmail = { [K in NotificationKind]: { kind: K; props: PropsByKind[K] } }[NotificationKind];

export type RenderedEmail = { subject: string; html: string; text: string };
