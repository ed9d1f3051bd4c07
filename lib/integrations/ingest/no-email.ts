/*
 * Why an accepted event led to no email, recorded by ingestion at the moment
 * it decided (events.no_email_reason), so the integration's timeline can say
 * it instead of a bare "No email" — and never has to guess from today's
 * settings what they were when the event arrived.
 */

export const NO_EMAIL_REASONS = [
  "integration_disabled", // stored only: a disabled integration does not act on this type (R19)
  "alert_already_open", // reauth_required while a re-auth alert is open (R22: one alert per state change)
  "reconnect_already_needed", // reauth_required while disabled for an auth reason
  "nothing_to_restore", // auth_restored with no re-auth alert open
  "restored_while_disabled", // auth_restored while switched off: the enabled email tells it when it syncs
  "not_disabled", // integration.enabled for an integration that was not disabled
  "still_needs_reauth", // integration.enabled of a broken authorization: back to needs_reauth, nothing syncs
  "enable_after_deadline", // integration.enabled after the open alert's deadline passed: only Reconnect
  "already_disabled", // integration.disabled for one already disabled
  "sync_reports_off", // Report settings: data-sync reports off
  "sync_without_failures", // Report settings: only with failures, and this sync had none
] as const;

export type NoEmailReason = (typeof NO_EMAIL_REASONS)[number];

export const NO_EMAIL_TEXT: Record<NoEmailReason, string> = {
  integration_disabled: "integration was disabled",
  alert_already_open: "alert already open",
  reconnect_already_needed: "already waiting for a reconnect",
  nothing_to_restore: "no alert was open",
  restored_while_disabled: "still disabled",
  not_disabled: "it was not disabled",
  still_needs_reauth: "still needs reconnecting",
  enable_after_deadline: "deadline had passed",
  already_disabled: "already disabled",
  sync_reports_off: "sync reports are off",
  sync_without_failures: "no failures to report",
};

export function noEmailText(reason: string | null): string | null {
  return reason && reason in NO_EMAIL_TEXT ? NO_EMAIL_TEXT[reason as NoEmailReason] : null;
}
