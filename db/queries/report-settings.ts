import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { companies, reportRecipients, reportSettings, users, type ReportRole, type SyncReportMode } from "@/db/schema";
import { insertAudit, latestAuditRow, listAuditSince } from "./audit";
import type { Executor } from "./tx";
import type { ReportSettingsInput } from "@/lib/report-settings/schema";
import type { ReportSettingsFieldErrors } from "@/lib/report-settings/fields";
import { diffSnapshots, SETTINGS_AUDIT, type ReportSettingsSnapshot } from "@/lib/report-settings/changes";
import { reportSettingsConflict } from "@/lib/report-settings/conflict";
import { formatVersion, type SettingsConflict } from "@/lib/concurrency/settings-version";

/*
 * Report settings of one company (SPEC §2). A company without a row gets the
 * defaults of R4/R7, the same values the table's column defaults write.
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

const DEFAULTS: Omit<ReportSettings, "additionalUserIds"> = {
  roles: ["company_admin"],
  escalationBcc: null,
  syncReportMode: "always",
  mappingDigestMinutes: 15,
  updatedAt: null,
  updatedBy: null,
};

/** Settings plus additional recipient ids; pass `tx` to read inside a transaction. */
export function getReportSettings({ companyId, tx = db }: { companyId: string; tx?: Executor }): ReportSettings {
  const row = tx.select().from(reportSettings).where(eq(reportSettings.companyId, companyId)).get();
  const additional = listAdditionalRecipients({ companyId, tx });
  const base = row
    ? {
        roles: row.roles,
        escalationBcc: row.escalationBcc,
        syncReportMode: row.syncReportMode,
        mappingDigestMinutes: row.mappingDigestMinutes,
        updatedAt: row.updatedAt,
        updatedBy: row.updatedBy,
      }
    : DEFAULTS;
  return { ...base, additionalUserIds: additional.map((u) => u.id) };
}

/** Additional recipients with their user details; both sides scoped to the company. */
export function listAdditionalRecipients({ companyId, tx = db }: { companyId: string; tx?: Executor }) {
  return tx
    .select({ id: users.id, name: users.name, email: users.email, active: users.active })
    .from(reportRecipients)
    .innerJoin(users, eq(users.id, reportRecipients.userId))
    .where(and(eq(reportRecipients.companyId, companyId), eq(users.companyId, companyId)))
    .orderBy(asc(users.name), asc(users.email))
    .all();
}

/** The version a form is loaded with (lib/concurrency/settings-version.ts): the last audited change. */
export function getReportSettingsVersion({ companyId, tx = db }: { companyId: string; tx?: Executor }): string {
  return formatVersion(latestAuditRow({ tx, companyId, entity: SETTINGS_AUDIT.entity })?.id);
}

export type SaveReportSettingsResult =
  | { ok: true; changed: boolean; version: string }
  | { ok: false; fieldErrors: ReportSettingsFieldErrors }
  // stale: someone saved since the form's version; `current` is what is saved now
  | { ok: false; conflict: SettingsConflict; current: ReportSettingsSnapshot }
  | { ok: false; error: string };

/**
 * Validates the additional recipients against the company's own users, then
 * writes settings, recipients, the company time zone and one audit row in a
 * single transaction. Nothing is written when a check fails or nothing changed,
 * nor when `version` (the last audit row the form was loaded after) is no
 * longer the last one: that save would silently undo someone else's.
 */
export function saveReportSettings({
  companyId,
  actor,
  input,
  version,
  defaultBcc,
  at = new Date(),
}: {
  companyId: string;
  actor: { userId: string; label: string };
  input: ReportSettingsInput;
  version: number;
  defaultBcc: string;
  at?: Date;
}): SaveReportSettingsResult {
  return db.transaction(
    (tx): SaveReportSettingsResult => {
      const company = tx.select({ timeZone: companies.timeZone }).from(companies).where(eq(companies.id, companyId)).get();
      if (!company) throw new Error(`Company ${companyId} not found`);
      const current = getReportSettings({ companyId, tx });
      const currentRecipients = listAdditionalRecipients({ companyId, tx });
      const person = ({ id, name, email }: { id: string; name: string; email: string }) => ({ id, name, email });
      const before: ReportSettingsSnapshot = {
        roles: current.roles,
        additionalRecipients: currentRecipients.map(person),
        escalationBcc: current.escalationBcc,
        syncReportMode: current.syncReportMode,
        mappingDigestMinutes: current.mappingDigestMinutes,
        timeZone: company.timeZone,
      };

      const latest = latestAuditRow({ tx, companyId, entity: SETTINGS_AUDIT.entity })?.id ?? 0;
      if (version > latest) return { ok: false, error: STRANGE_VERSION };
      if (version < latest) {
        const since = listAuditSince({ tx, companyId, entity: SETTINGS_AUDIT.entity, afterId: version })!;
        const conflict = reportSettingsConflict({ since, current: before, defaultBcc, viewerUserId: actor.userId, timeZone: company.timeZone });
        return { ok: false, conflict, current: before };
      }

      const picked = input.additionalUserIds.length
        ? tx
            .select({ id: users.id, name: users.name, email: users.email, active: users.active })
            .from(users)
            .where(and(eq(users.companyId, companyId), inArray(users.id, input.additionalUserIds)))
            .all()
        : [];
      if (picked.length !== input.additionalUserIds.length) {
        return {
          ok: false,
          fieldErrors: {
            additionalUserIds: "Some of the people you picked are not users of your company. Reload the page and pick again.",
          },
        };
      }
      const newlyDeactivated = picked.filter((u) => !u.active && !current.additionalUserIds.includes(u.id));
      if (newlyDeactivated.length > 0) {
        return {
          ok: false,
          fieldErrors: {
            additionalUserIds: `${newlyDeactivated.map((u) => u.name).join(", ")} ${newlyDeactivated.length === 1 ? "is" : "are"} deactivated and can't receive reports.`,
          },
        };
      }

      const byName = (a: { name: string; email: string }, b: { name: string; email: string }) =>
        a.name.localeCompare(b.name) || a.email.localeCompare(b.email);
      const after: ReportSettingsSnapshot = {
        roles: input.roles,
        additionalRecipients: picked.map(person).sort(byName),
        escalationBcc: input.escalationBcc,
        syncReportMode: input.syncReportMode,
        mappingDigestMinutes: input.mappingDigestMinutes,
        timeZone: input.timeZone,
      };
      if (diffSnapshots(before, after, defaultBcc).length === 0) return { ok: true, changed: false, version: formatVersion(latest) };

      const values = {
        roles: after.roles,
        escalationBcc: after.escalationBcc,
        syncReportMode: after.syncReportMode,
        mappingDigestMinutes: after.mappingDigestMinutes,
        updatedAt: at,
        updatedBy: actor.userId,
      };
      tx.insert(reportSettings)
        .values({ companyId, ...values })
        .onConflictDoUpdate({ target: reportSettings.companyId, set: values })
        .run();
      tx.delete(reportRecipients).where(eq(reportRecipients.companyId, companyId)).run();
      if (picked.length > 0) {
        tx.insert(reportRecipients)
          .values(picked.map((u) => ({ companyId, userId: u.id })))
          .run();
      }
      if (after.timeZone !== before.timeZone) {
        tx.update(companies).set({ timeZone: after.timeZone }).where(eq(companies.id, companyId)).run();
      }
      insertAudit({
        tx,
        companyId,
        actor: { type: "user", id: actor.userId, label: actor.label },
        action: SETTINGS_AUDIT.action,
        entity: SETTINGS_AUDIT.entity,
        before,
        after,
        at,
      });
      return { ok: true, changed: true, version: getReportSettingsVersion({ companyId, tx }) };
    },
    { behavior: "immediate" },
  );
}

const STRANGE_VERSION =
  "Nothing was saved: this form's version of the settings isn't one Switchboard gave out. Reload the page, make your change again and save.";
