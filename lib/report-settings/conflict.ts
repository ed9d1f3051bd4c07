import { describeConflict, type SettingsConflict } from "@/lib/concurrency/settings-version";
import { diffSnapshots, parseSnapshot, type ReportSettingsSnapshot } from "./changes";

/*
 * A stale Report settings save (docs/security/lost-updates.md), told from the
 * audit rows recorded since the form's version. The first of them holds, as
 * its `before`, the very settings the form was loaded with; comparing that
 * with what is saved now lists their change field by field, with the same
 * labels as "Recent changes".
 */

type AuditFacts = { id: number; actorId: string | null; actorLabel: string; createdAt: Date; before: unknown };

export function reportSettingsConflict({
  since,
  current,
  defaultBcc,
  viewerUserId,
  timeZone,
}: {
  /** The audit rows of the settings newer than the form's version: the first, the newest, how many. */
  since: { rows: AuditFacts[]; latest: AuditFacts; count: number };
  current: ReportSettingsSnapshot;
  defaultBcc: string;
  viewerUserId: string;
  timeZone: string;
}): SettingsConflict {
  const loaded = parseSnapshot(since.rows[0].before);
  const changes = loaded
    ? diffSnapshots(loaded, current, defaultBcc).map((c) => ({ field: c.field, label: c.label, loaded: c.before, saved: c.after }))
    : [];
  return describeConflict({
    facts: { latest: since.latest, saves: since.count },
    changes,
    viewerUserId,
    timeZone,
  });
}
