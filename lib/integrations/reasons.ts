/*
 * Why an integration broke or was switched off. Events carry the first two
 * lists (./ingest/events.ts validates them), emails and pages word them
 * (lib/notifications/reason-text.ts) and the status machine (./status.ts)
 * sorts them; all of them derive from the lists here. No imports: db/schema
 * and client components read them too.
 */

/** Why a CRM refused the stored authorization (integration.reauth_required). */
export const REAUTH_REASONS = ["token_revoked", "refresh_token_expired", "scopes_changed", "app_uninstalled", "unknown"] as const;
export type ReauthReason = (typeof REAUTH_REASONS)[number];

/** Why a worker switched an integration off or on again (integration.disabled / .enabled). */
export const EVENT_DISABLE_REASONS = ["user_disconnected", "app_uninstalled", "token_revoked", "reauth_deadline_passed"] as const;
export type EventDisableReason = (typeof EVENT_DISABLE_REASONS)[number];

/** Every reason an integration can be disabled for: a worker's, or an admin's Disable. */
export const DISABLE_REASONS = [...EVENT_DISABLE_REASONS, "admin"] as const;
export type DisableReason = (typeof DISABLE_REASONS)[number];

/** What an integration's status_reason holds: why it broke, or why it is switched off. */
export const STATUS_REASONS = [...REAUTH_REASONS, ...DISABLE_REASONS] as const;
export type StatusReason = (typeof STATUS_REASONS)[number];

/** Reasons after which only a new OAuth consent (Reconnect) brings the integration back. */
export const AUTH_DISABLE_REASONS = [
  "app_uninstalled",
  "token_revoked",
  "reauth_deadline_passed",
] as const satisfies readonly EventDisableReason[];

/** Who turned an integration off: an admin (Enable allowed), a worker's event, or broken authorization (Reconnect needed). */
export const DISABLED_BY = ["admin", "event", "auth"] as const;
export type DisabledBy = (typeof DISABLED_BY)[number];
