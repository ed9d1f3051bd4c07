/*
 * The data model, one file per capability: tenancy and auth, report settings,
 * integrations, events and the notification outbox, delivery, audit,
 * sign-in throttling.
 * Times are integer milliseconds (`timestamp_ms`).
 */
export * from "./tenancy";
export * from "./settings";
export * from "./integrations";
export * from "./notifications";
export * from "./delivery";
export * from "./audit";
export * from "./oauth";
export * from "./auth-throttle";
