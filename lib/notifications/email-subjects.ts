import type {
  AuthRestoredProps,
  IntegrationDisabledProps,
  IntegrationEnabledProps,
  MappingErrorsProps,
  ReauthRequiredProps,
  SyncReportProps,
  TestEmailProps,
} from "./email-props";
import { PROVIDER_NAMES } from "@/lib/integrations/providers";
import { countOf, formatCount } from "./format-count";
import { formatShortDateTime } from "@/lib/format/date-time";
import { DISABLE_REASON_PHRASES, SYNC_OPERATION_LABELS } from "./reason-text";

/*
 * Subject lines (docs/product R21): each names the CRM and the problem, specific
 * enough to act on from the inbox list alone.
 */

const MAX_SUBJECT = 200;
const MAX_QUOTED = 60;

/** Event-supplied text must not break the header: no control characters, one line, bounded length. */
export function cleanSubject(subject: string): string {
  const oneLine = subject
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return oneLine.length > MAX_SUBJECT ? `${oneLine.slice(0, MAX_SUBJECT - 1).trimEnd()}…` : oneLine;
}

function quoted(name: string): string {
  const short = name.length > MAX_QUOTED ? `${name.slice(0, MAX_QUOTED - 1).trimEnd()}…` : name;
  return `“${short}”`;
}

export function reauthSubject(p: ReauthRequiredProps): string {
  const crm = PROVIDER_NAMES[p.provider];
  const deadline = formatShortDateTime(p.deadline, p.company.timeZone);
  if (p.deadlinePassed) return `${crm} integration disabled: the reconnect deadline (${deadline}) has passed`;
  if (p.stage === "reminder") return `Reminder: ${crm} disconnects in 24 hours — reconnect by ${deadline}`;
  return `Action required: ${crm} needs to be reconnected by ${deadline}`;
}

export function authRestoredSubject(p: AuthRestoredProps): string {
  return `${PROVIDER_NAMES[p.provider]} reconnected — syncing again`;
}

export function mappingErrorsSubject(p: MappingErrorsProps): string {
  const crm = PROVIDER_NAMES[p.provider];
  const records = countOf(p.totalRecords, p.object);
  const types = countOf(p.groups.length, "error type");
  return `${crm}: ${records} failed to ${p.direction} (${types})`;
}

export function syncReportSubject(p: SyncReportProps): string {
  const crm = PROVIDER_NAMES[p.provider];
  const what =
    p.operation === "zoho_views.pull" && p.view
      ? `${crm} view ${quoted(p.view.name)} pulled`
      : `${crm} ${SYNC_OPERATION_LABELS[p.operation]} finished`;
  const failed = p.counts.failed > 0 ? `${formatCount(p.counts.failed)} failed` : "none failed";
  const warnings = p.warnings.length > 0 ? `, ${countOf(p.warnings.length, "warning")}` : "";
  return `${what}: ${formatCount(p.counts.processed)} processed, ${failed}${warnings}`;
}

export function integrationEnabledSubject(p: IntegrationEnabledProps): string {
  return `${PROVIDER_NAMES[p.provider]} integration enabled`;
}

export function integrationDisabledSubject(p: IntegrationDisabledProps): string {
  return `${PROVIDER_NAMES[p.provider]} integration disabled: ${DISABLE_REASON_PHRASES[p.disableReason]}`;
}

export function testEmailSubject(p: TestEmailProps): string {
  return `Switchboard test email for ${p.company.name}`;
}
