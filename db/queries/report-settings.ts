import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { companies, reportRecipients, reportSettings, users, type ReportRole, type SyncReportMode } from "@/db/schema";
import { latestAuditRow } from "./audit";
import type { Executor } from "./tx";
import { SETTINGS_AUDIT } from "@/lib/report-settings/changes";
import { REPORT_SETTINGS_DEFAULTS } from "@/lib/report-settings/defaults";
import { formatVersion } from "@/lib/concurrency/settings-version";

/*
 * Report settings of one company (docs/product §2). A company without a row reads
 * REPORT_SETTINGS_DEFAULTS, the same values the table's column defaults
 * write. Saving, with its checks, is lib/report-settings/save.ts.
 */

export type ReportSettings = {
  roles: ReportRole[];
  additionalUserIds: string[];
  escalationBcc: string | null; // null = deployment default
  syncReportMode: SyncReportMode;
  mappingDigestMinutes: number;
  updatedAt: Date | null;
  updatedBy: string | null;
};

/** Settings plus additional recipient ids; pass `tx` to read inside a transaction. */
export async function getReportSettings({ companyId, tx = db }: { companyId: string; tx?: Executor }): Promise<ReportSettings> {
  const [row] = await tx.select().from(reportSettings).where(eq(reportSettings.companyId, companyId)).limit(1);
  const additional = await listAdditionalRecipients({ companyId, tx });
  const base = row
    ? {
        roles: row.roles,
        escalationBcc: row.escalationBcc,
        syncReportMode: row.syncReportMode,
        mappingDigestMinutes: row.mappingDigestMinutes,
        updatedAt: row.updatedAt,
        updatedBy: row.updatedBy,
      }
    : { ...REPORT_SETTINGS_DEFAULTS, roles: [...REPORT_SETTINGS_DEFAULTS.roles], updatedAt: null, updatedBy: null };
  return { ...base, additionalUserIds: additional.map((u) => u.id) };
}

/** Additional recipients with their user details; both sides scoped to the company. */
export async function listAdditionalRecipients({ companyId, tx = db }: { companyId: string; tx?: Executor }) {
  return await tx
    .select({ id: users.id, name: users.name, email: users.email, active: users.active })
    .from(reportRecipients)
    .innerJoin(users, eq(users.id, reportRecipients.userId))
    .where(and(eq(reportRecipients.companyId, companyId), eq(users.companyId, companyId)))
    .orderBy(asc(users.name), asc(users.email));
}

/** The company's users among `ids`: an id of another company's user, or of nobody, is simply not returned. */
export async function listCompanyUsersByIds({ companyId, ids, tx }: { companyId: string; ids: string[]; tx: Executor }) {
  if (ids.length === 0) return [];
  return await tx
    .select({ id: users.id, name: users.name, email: users.email, active: users.active })
    .from(users)
    .where(and(eq(users.companyId, companyId), inArray(users.id, ids)));
}

export async function getCompanyTimeZone({ companyId, tx }: { companyId: string; tx: Executor }): Promise<string | null> {
  const [row] = await tx.select({ timeZone: companies.timeZone }).from(companies).where(eq(companies.id, companyId)).limit(1);
  return row?.timeZone ?? null;
}

/** The version a form is loaded with (lib/concurrency/settings-version.ts): the last audited change. */
export async function getReportSettingsVersion({ companyId, tx = db }: { companyId: string; tx?: Executor }): Promise<string> {
  return formatVersion((await latestAuditRow({ tx, companyId, entity: SETTINGS_AUDIT.entity }))?.id);
}

/** Writes the settings row, replaces the additional recipients and, when given, the company time zone. */
export async function writeReportSettings({
  tx,
  companyId,
  settings,
  recipientIds,
  timeZone,
}: {
  tx: Executor;
  companyId: string;
  settings: Omit<ReportSettings, "additionalUserIds">;
  recipientIds: string[];
  timeZone?: string;
}): Promise<void> {
  await tx
    .insert(reportSettings)
    .values({ companyId, ...settings })
    .onConflictDoUpdate({ target: reportSettings.companyId, set: settings });
  await tx.delete(reportRecipients).where(eq(reportRecipients.companyId, companyId));
  if (recipientIds.length > 0) {
    await tx.insert(reportRecipients).values(recipientIds.map((userId) => ({ companyId, userId })));
  }
  if (timeZone !== undefined) await tx.update(companies).set({ timeZone }).where(eq(companies.id, companyId));
}
