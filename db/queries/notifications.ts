import "server-only";
import { eq, sql } from "drizzle-orm";
import {
  companies,
  messages,
  notificationRecords,
  notifications,
  reportRecipients,
  reportSettings,
  users,
  type NewMessage,
  type NewNotification,
} from "@/db/schema";
import { preparedInsert, preparedOnce } from "./prepared";
import type { Executor } from "./tx";

/*
 * Writes of the notification outbox, always inside the caller's transaction
 * (docs/product R20): the notification, its affected records and its messages commit
 * together with the event or admin change that caused them.
 */

// Prepared once (db/queries/prepared.ts): every planned notification reads these; `tx` names the transaction they join.
const planningQueries = preparedOnce((d) => {
  const id = sql.placeholder("companyId");
  return {
    company: d
      .select({ id: companies.id, name: companies.name, timeZone: companies.timeZone })
      .from(companies)
      .where(eq(companies.id, id))
      .prepare(),
    settings: d
      .select({ roles: reportSettings.roles, escalationBcc: reportSettings.escalationBcc })
      .from(reportSettings)
      .where(eq(reportSettings.companyId, id))
      .prepare(),
    additional: d.select({ userId: reportRecipients.userId }).from(reportRecipients).where(eq(reportRecipients.companyId, id)).prepare(),
    users: d
      .select({ id: users.id, name: users.name, email: users.email, role: users.role, active: users.active })
      .from(users)
      .where(eq(users.companyId, id))
      .prepare(),
  };
});

/** Everything recipient resolution needs, read in the planning transaction. */
export function getPlanningContext({ companyId }: { tx: Executor; companyId: string }) {
  const q = planningQueries();
  const company = q.company.get({ companyId });
  if (!company) return null;
  const settings = q.settings.get({ companyId });
  const additionalUserIds = q.additional.all({ companyId }).map((r) => r.userId);
  const companyUsers = q.users.all({ companyId });
  return { company, settings: settings ?? null, additionalUserIds, users: companyUsers };
}

// One-row inserts compiled once, run per row: cheaper than building a multi-row INSERT per call.
const insertNotificationRow = preparedInsert(notifications);
const insertRecordRow = preparedInsert(notificationRecords);
const insertMessageRow = preparedInsert(messages);

export function insertNotification({ row }: { tx: Executor; row: NewNotification }) {
  insertNotificationRow(row);
}

/** The final props of a notification planned after it was opened (a closing mapping digest). */
export function completeNotification({ tx, id, props, noRecipients }: { tx: Executor; id: string; props: unknown; noRecipients: boolean }) {
  tx.update(notifications).set({ props, noRecipients }).where(eq(notifications.id, id)).run();
}

/** The columns of an affected record, as the email and the records page show it. */
export const recordColumns = {
  recordId: notificationRecords.recordId,
  recordName: notificationRecords.recordName,
  recordEmail: notificationRecords.recordEmail,
  field: notificationRecords.field,
  crmProperty: notificationRecords.crmProperty,
  code: notificationRecords.code,
  message: notificationRecords.message,
};

export type NewRecord = {
  recordId?: string | null;
  recordName?: string | null;
  recordEmail?: string | null;
  field?: string | null;
  crmProperty?: string | null;
  code: string;
  message: string;
};

export function insertNotificationRecords({ notificationId, records }: { tx: Executor; notificationId: string; records: NewRecord[] }) {
  for (const r of records) {
    insertRecordRow({
      notificationId,
      recordId: r.recordId ?? null,
      recordName: r.recordName ?? null,
      recordEmail: r.recordEmail ?? null,
      field: r.field ?? null,
      crmProperty: r.crmProperty ?? null,
      code: r.code,
      message: r.message,
    });
  }
}

export function insertMessages({ rows }: { tx: Executor; rows: NewMessage[] }) {
  for (const row of rows) insertMessageRow(row);
}
