/*
 * The PostgreSQL declaration of the data model in ../sqlite.ts: the same tables, columns and
 * TypeScript shapes, in PostgreSQL's types (docs/decisions/0008). Only tables are exported here;
 * the enum lists and row types have one home, the SQLite files, and db/schema/parity.test.ts
 * holds the two declarations to each other.
 */
export * from "./tenancy";
export * from "./settings";
export * from "./integrations";
export * from "./notifications";
export * from "./delivery";
export * from "./audit";
export * from "./oauth";
export * from "./auth-throttle";
