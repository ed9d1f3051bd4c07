/*
 * The enumerations of the event contract (docs/product §4): which events workers may
 * send and the closed sets their data carries. The zod schemas in ./events.ts,
 * the schema's `events.type` column and every label map keyed by them read
 * these lists, so a new value is added once and the compiler finds the rest.
 * No imports: client components and db/schema use them too.
 */

export const EVENT_TYPES = [
  "integration.reauth_required",
  "integration.auth_restored",
  "integration.enabled",
  "integration.disabled",
  "contacts.mapping_failed",
  "sync.completed",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const SYNC_OPERATIONS = ["contacts.push", "contacts.pull", "users.sync", "zoho_views.pull"] as const;
export type SyncOperation = (typeof SYNC_OPERATIONS)[number];

/** Which way a failed contact mapping ran: Switchboard → CRM (push) or back (pull). */
export const MAPPING_DIRECTIONS = ["push", "pull"] as const;
export type MappingDirection = (typeof MAPPING_DIRECTIONS)[number];

export const MAPPING_OBJECTS = ["contact", "lead"] as const;
export type MappingObject = (typeof MAPPING_OBJECTS)[number];
