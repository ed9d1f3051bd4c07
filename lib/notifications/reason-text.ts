import type { DisableReason, ReauthReason } from "@/lib/integrations/reasons";
import type { SyncOperation } from "@/lib/integrations/ingest/event-types";

/*
 * Human wording for the enum values events carry, shared by subjects and
 * templates so an email's subject and body never describe one thing two ways.
 */

/** Short title for why a CRM needs re-authentication: "Access was revoked". */
export const REAUTH_REASON_TITLES: Record<ReauthReason, string> = {
  token_revoked: "Access was revoked",
  refresh_token_expired: "The sign-in expired",
  scopes_changed: "Required permissions changed",
  app_uninstalled: "The app was uninstalled",
  unknown: "The CRM refused Switchboard's credentials",
};

/** One sentence explaining the re-auth reason, naming the CRM. */
export function reauthReasonExplanation(reason: ReauthReason, crm: string): string {
  switch (reason) {
    case "token_revoked":
      return `${crm} revoked Switchboard's access, so the stored sign-in no longer works.`;
    case "refresh_token_expired":
      return `The sign-in Switchboard uses for ${crm} expired and could not be renewed.`;
    case "scopes_changed":
      return `Switchboard now needs permissions in ${crm} that the current connection was not granted.`;
    case "app_uninstalled":
      return `The Switchboard app was uninstalled from ${crm}.`;
    case "unknown":
      return `${crm} refused Switchboard's credentials.`;
  }
}

/** Lower-case phrase completing "… integration disabled: ___". */
export const DISABLE_REASON_PHRASES: Record<DisableReason, string> = {
  user_disconnected: "a user disconnected it",
  app_uninstalled: "the app was uninstalled",
  token_revoked: "access was revoked",
  reauth_deadline_passed: "it was not reconnected in time",
  admin: "an admin disabled it",
};

/** Short title for the key-facts table: "App uninstalled". */
export const DISABLE_REASON_TITLES: Record<DisableReason, string> = {
  user_disconnected: "Disconnected by a user",
  app_uninstalled: "App uninstalled from the CRM",
  token_revoked: "Access revoked in the CRM",
  reauth_deadline_passed: "Reconnect deadline passed",
  admin: "Disabled by an admin",
};

/** "contacts push", "user sync", "view pull": reads after the CRM's name. */
export const SYNC_OPERATION_LABELS: Record<SyncOperation, string> = {
  "contacts.push": "contacts push",
  "contacts.pull": "contacts pull",
  "users.sync": "user sync",
  "zoho_views.pull": "view pull",
};

/** Which way data moved, for the key-facts table. */
export function syncDirectionText(operation: SyncOperation, crm: string): string {
  switch (operation) {
    case "contacts.push":
      return `Switchboard → ${crm}`;
    case "contacts.pull":
    case "zoho_views.pull":
      return `${crm} → Switchboard`;
    case "users.sync":
      return `Switchboard users matched to ${crm} users by email`;
  }
}
