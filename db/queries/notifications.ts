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
import type { Executor } from "./tx";

/*
 * Writes of the notification outbox, always inside the caller's transaction
 * (SPEC R20): the notification, its affected records and its messages commit
 * together with the event or admin change that caused them.
 */

/** Everything recipient resolution needs, read in the planning transaction. */
export function getPlanningContext({ tx, companyId }: { tx: Executor; companyId: string }) {
  const company = tx
    .select({ id: companies.id, name: companies.name, timeZone: companies.timeZone })
    .from(companies)
    .where(eq(companies.id, companyId))
    .get();
  if (!company) return null;
  const settings = tx
    .select({ roles: reportSettings.roles, escalationBcc: reportSettings.escalationBcc })
    .from(reportSettings)
    .where(eq(reportSettings.companyId, companyId))
    .get();
  const additionalUserIds = tx
    .select({ userId: reportRecipients.userId })
    .from(reportRecipients)
    .where(eq(reportRecipients.companyId, companyId))
    .all()
    .map((r) => r.userId);
  const companyUsers = tx
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, active: users.active })
    .from(users)
    .where(eq(users.companyId, companyId))
    .all();
  return { company, settings: settings ?? null, additionalUserIds, users: companyUsers };
}

export function insertNotification({ tx, row }: { tx: Executor; row: NewNotification }) {
  tx.insert(notifications).values(row).run();
}

export type NewRecord = {
  recordId?: string | null;
  recordName?: string | null;
  recordEmail?: string | null;
  field?: string | null;
  crmProperty?: string | null;
  code: string;
  message: string;
};

const RECORD_CHUNK = 200; // 8 columns × 200 rows stays far below SQLite's bound-parameter limit

export function insertNotificationRecords({
  tx,
  notificationId,
  records,
}: {
  tx: Executor;
  notificationId: string;
  records: NewRecord[];
}) {
  for (let i = 0; i < records.length; i += RECORD_CHUNK) {
    const chunk = records.slice(i, i + RECORD_CHUNK).map((r) => ({
      notificationId,
      recordId: r.recordId ?? null,
      recordName: r.recordName ?? null,
      recordEmail: r.recordEmail ?? null,
      field: r.field ?? null,
      crmProperty: r.crmProperty ?? null,
      code: r.code,
      message: r.message,
    }));
    tx.insert(notificationRecords).values(chunk).run();
  }
}

export function insertMessages({ tx, rows }: { tx: Executor; rows: NewMessage[] }) {
  if (rows.length > 0) tx.insert(messages).values(rows).run();
}
