import "server-only";
import { holdLocks } from "@/db/queries/locks";
import { transaction } from "@/db/queries/tx";
import { insertAudit, latestAuditRow, listAuditSince } from "@/db/queries/audit";
import {
  getCompanyTimeZone,
  getReportSettings,
  getReportSettingsVersion,
  listAdditionalRecipients,
  listCompanyUsersByIds,
  writeReportSettings,
} from "@/db/queries/report-settings";
import { formatVersion, type SettingsConflict } from "@/lib/concurrency/settings-version";
import { diffSnapshots, SETTINGS_AUDIT, type ReportSettingsSnapshot } from "./changes";
import { reportSettingsConflict } from "./conflict";
import type { ReportSettingsFieldErrors } from "./fields";
import { additionalRecipientsError } from "./recipient-check";
import type { ReportSettingsInput } from "./schema";

export type SaveReportSettingsResult =
  | { ok: true; changed: boolean; version: string }
  | { ok: false; fieldErrors: ReportSettingsFieldErrors }
  // stale: someone saved since the form's version; `current` is what is saved now
  | { ok: false; conflict: SettingsConflict; current: ReportSettingsSnapshot }
  | { ok: false; error: string };

const STRANGE_VERSION =
  "Nothing was saved: this form's version of the settings isn't one Switchboard gave out. Reload the page, make your change again and save.";

const person = ({ id, name, email }: { id: string; name: string; email: string }) => ({ id, name, email });
const byName = (a: { name: string; email: string }, b: { name: string; email: string }) =>
  a.name.localeCompare(b.name) || a.email.localeCompare(b.email);

/**
 * Saves the Report settings form (docs/product R8): checks the additional recipients
 * against the company's own users, then writes settings, recipients, the
 * company time zone and one audit row in a single transaction. Nothing is
 * written when a check fails or nothing changed, nor when `version` (the last
 * audit row the form was loaded after) is no longer the last one: that save
 * would silently undo someone else's (docs/security/lost-updates.md).
 */
export async function saveReportSettings({
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
}): Promise<SaveReportSettingsResult> {
  return await transaction(async (tx): Promise<SaveReportSettingsResult> => {
    // the version read below decides the write: one save of this company's settings at a time
    await holdLocks(tx, `report-settings:${companyId}`);
    const timeZone = await getCompanyTimeZone({ companyId, tx });
    if (timeZone === null) throw new Error(`Company ${companyId} not found`);
    const current = await getReportSettings({ companyId, tx });
    const before: ReportSettingsSnapshot = {
      roles: current.roles,
      additionalRecipients: (await listAdditionalRecipients({ companyId, tx })).map(person),
      escalationBcc: current.escalationBcc,
      syncReportMode: current.syncReportMode,
      mappingDigestMinutes: current.mappingDigestMinutes,
      timeZone,
    };

    const latest = (await latestAuditRow({ tx, companyId, entity: SETTINGS_AUDIT.entity }))?.id ?? 0;
    if (version > latest) return { ok: false, error: STRANGE_VERSION };
    if (version < latest) {
      const since = (await listAuditSince({ tx, companyId, entity: SETTINGS_AUDIT.entity, afterId: version }))!;
      const conflict = reportSettingsConflict({ since, current: before, defaultBcc, viewerUserId: actor.userId, timeZone });
      return { ok: false, conflict, current: before };
    }

    const picked = await listCompanyUsersByIds({ companyId, ids: input.additionalUserIds, tx });
    const fieldErrors = additionalRecipientsError({
      requested: input.additionalUserIds,
      found: picked,
      alreadyListed: current.additionalUserIds,
    });
    if (fieldErrors) return { ok: false, fieldErrors };

    const after: ReportSettingsSnapshot = {
      roles: input.roles,
      additionalRecipients: picked.map(person).sort(byName),
      escalationBcc: input.escalationBcc,
      syncReportMode: input.syncReportMode,
      mappingDigestMinutes: input.mappingDigestMinutes,
      timeZone: input.timeZone,
    };
    if (diffSnapshots(before, after, defaultBcc).length === 0) return { ok: true, changed: false, version: formatVersion(latest) };

    await writeReportSettings({
      tx,
      companyId,
      settings: {
        roles: after.roles,
        escalationBcc: after.escalationBcc,
        syncReportMode: after.syncReportMode,
        mappingDigestMinutes: after.mappingDigestMinutes,
        updatedAt: at,
        updatedBy: actor.userId,
      },
      recipientIds: picked.map((u) => u.id),
      timeZone: after.timeZone !== before.timeZone ? after.timeZone : undefined,
    });
    await insertAudit({
      tx,
      companyId,
      actor: { type: "user", id: actor.userId, label: actor.label },
      action: SETTINGS_AUDIT.action,
      entity: SETTINGS_AUDIT.entity,
      before,
      after,
      at,
    });
    return { ok: true, changed: true, version: await getReportSettingsVersion({ companyId, tx }) };
  });
}
