import "server-only";
import { eq } from "drizzle-orm";
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
import { param, preparedInsert, preparedOnce } from "./prepared";
import type { Executor } from "./tx";

/*
 * Writes of the notification outbox, always on the caller's transaction `tx`
 * (docs/product R20): the notification, its affected records and its messages commit
 * together with the event or admin change that caused them.
 */

/** Everything recipient resolution needs, read in the planning transaction. */
const planningQueries = preparedOnce((tx) => ({
  company: tx
    .select({ id: companies.id, name: companies.name, timeZone: companies.timeZone })
    .from(companies)
    .where(eq(companies.id, param("companyId")))
    .limit(1)
    .prepare(),
  settings: tx
    .select({ roles: reportSettings.roles, escalationBcc: reportSettings.escalationBcc })
    .from(reportSettings)
    .where(eq(reportSettings.companyId, param("companyId")))
    .limit(1)
    .prepare(),
  additional: tx
    .select({ userId: reportRecipients.userId })
    .from(reportRecipients)
    .where(eq(reportRecipients.companyId, param("companyId")))
    .prepare(),
  users: tx
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, active: users.active })
    .from(users)
    .where(eq(users.companyId, param("companyId")))
    .prepare(),
}));

export async function getPlanningContext({ tx, companyId }: { tx: Executor; companyId: string }) {
  const q = planningQueries(tx);
  const [company] = await q.company.execute({ companyId });
  if (!company) return null;
  const [settings] = await q.settings.execute({ companyId });
  const additional = await q.additional.execute({ companyId });
  const companyUsers = await q.users.execute({ companyId });
  return { company, settings: settings ?? null, additionalUserIds: additional.map((r) => r.userId), users: companyUsers };
}

export async function insertNotification({ tx, row }: { tx: Executor; row: NewNotification }): Promise<void> {
  await insertNotificationRow(tx, row);
}

const insertNotificationRow = preparedInsert(notifications);
const insertMessageRow = preparedInsert(messages);

/** The final props of a notification planned after it was opened (a closing mapping digest). */
export async function completeNotification({
  tx,
  id,
  props,
  noRecipients,
}: {
  tx: Executor;
  id: string;
  props: unknown;
  noRecipients: boolean;
}): Promise<void> {
  await tx.update(notifications).set({ props, noRecipients }).where(eq(notifications.id, id));
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

// Rows per INSERT: a 2,000-record event stays within both engines' bound-parameter limits.
const ROWS_PER_INSERT = 500;

function* inChunks<T>(rows: T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) yield rows.slice(i, i + ROWS_PER_INSERT);
}

/** The records of one notification, many rows per INSERT. */
export async function insertNotificationRecords({
  tx,
  notificationId,
  records,
}: {
  tx: Executor;
  notificationId: string;
  records: NewRecord[];
}): Promise<void> {
  const rows = records.map((r) => ({
    notificationId,
    recordId: r.recordId ?? null,
    recordName: r.recordName ?? null,
    recordEmail: r.recordEmail ?? null,
    field: r.field ?? null,
    crmProperty: r.crmProperty ?? null,
    code: r.code,
    message: r.message,
  }));
  for (const chunk of inChunks(rows)) await tx.insert(notificationRecords).values(chunk);
}

export async function insertMessages({ tx, rows }: { tx: Executor; rows: NewMessage[] }): Promise<void> {
  // a notification usually has one message: that insert is prepared; more go many rows per INSERT
  if (rows.length === 1) await insertMessageRow(tx, rows[0]);
  else for (const chunk of inChunks(rows)) await tx.insert(messages).values(chunk);
}
