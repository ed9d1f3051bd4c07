import { engine } from "../engine";
import * as pg from "./pg";
import * as sqlite from "./sqlite";

/*
 * The data model as the domain imports it (`@/db/schema`): the enum lists and row types
 * of the SQLite declaration (./sqlite.ts, where the tables are explained), and the
 * tables of this process's engine (db/engine.ts). Both declarations infer the same row
 * shapes, which db/schema/parity.test.ts proves, so the domain is typed once, against
 * the SQLite tables, and runs on either (docs/decisions/0008-two-schemas-one-model.md).
 */
export * from "./sqlite";

const tables = (engine === "postgres" ? pg : sqlite) as unknown as typeof sqlite;

export const auditLog = tables.auditLog;
export const signInFailures = tables.signInFailures;
export const messages = tables.messages;
export const messageRecipients = tables.messageRecipients;
export const messageBodies = tables.messageBodies;
export const messageAttempts = tables.messageAttempts;
export const providerWebhooks = tables.providerWebhooks;
export const recipientBounces = tables.recipientBounces;
export const sendBudget = tables.sendBudget;
export const integrations = tables.integrations;
export const events = tables.events;
export const notifications = tables.notifications;
export const notificationEvents = tables.notificationEvents;
export const notificationRecords = tables.notificationRecords;
export const scheduledJobs = tables.scheduledJobs;
export const oauthStates = tables.oauthStates;
export const oauthSandboxCodes = tables.oauthSandboxCodes;
export const reportSettings = tables.reportSettings;
export const reportRecipients = tables.reportRecipients;
export const companies = tables.companies;
export const users = tables.users;
export const sessions = tables.sessions;
export const accounts = tables.accounts;
export const verifications = tables.verifications;
