import { formatShortDateTime } from "@/lib/format/date-time";

/*
 * Optimistic concurrency for the settings forms (docs/security/lost-updates.md).
 * A form's version is the id of the last audit row that changed what it edits,
 * read when the page is rendered; every save sends it back and the save's own
 * transaction refuses it when a newer change has been recorded since. Audit
 * rows are written in the same transaction as the change they describe, so the
 * id is a fact the database already keeps: no column, no migration.
 */

/** The form field (and action argument) that carries the version. */
export const VERSION_FIELD = "version";

/** A version as the page renders it; "0" when nothing has been changed yet. */
export function formatVersion(auditId: number | null | undefined): string {
  return String(auditId ?? 0);
}

export type VersionParse = { ok: true; version: number } | { ok: false; error: string };

/** Reads a posted version: a non-negative whole number, as `formatVersion` wrote it. */
export function parseVersion(raw: unknown): VersionParse {
  if (raw === undefined || raw === null || raw === "") {
    return {
      ok: false,
      error:
        "Nothing was saved: this form didn't say which version of the settings it was opened with. Reload the page, make your change again and save.",
    };
  }
  if (typeof raw !== "string" || !/^\d{1,15}$/.test(raw)) {
    return {
      ok: false,
      error:
        "Nothing was saved: this form's version of the settings isn't one Switchboard gave out. Reload the page, make your change again and save.",
    };
  }
  return { ok: true, version: Number(raw) };
}

/** One field that differs between what the user loaded and what is saved now. */
export type ConflictChange = { field: string; label: string; loaded: string; saved: string };

/**
 * What a refused (stale) save answers: who changed the settings since the form
 * was loaded and when, field by field, and the version saved now (the form
 * needs it to go on from their version).
 */
export type SettingsConflict = {
  version: string;
  message: string;
  changedBy: string;
  changedAt: string;
  saves: number;
  changes: ConflictChange[];
};

/** The audit facts a conflict is told from (the newest change and how many there were). */
export type ConflictFacts = {
  latest: { id: number; actorId: string | null; actorLabel: string; createdAt: Date };
  saves: number;
};

/** "Ada Admin <admin@acme.test>" → "Ada Admin (admin@acme.test)". */
export function actorName(label: string): string {
  const match = /^(.*\S)\s*<([^<>]+)>$/.exec(label);
  return match ? `${match[1]} (${match[2]})` : label;
}

export function describeConflict({
  facts,
  changes,
  viewerUserId,
  timeZone,
}: {
  facts: ConflictFacts;
  changes: ConflictChange[];
  viewerUserId: string;
  timeZone: string;
}): SettingsConflict {
  const { latest, saves } = facts;
  const self = latest.actorId !== null && latest.actorId === viewerUserId;
  const who = self ? "You" : actorName(latest.actorLabel);
  const when = formatShortDateTime(latest.createdAt.toISOString(), timeZone);
  const where = self ? " in another tab or window" : "";
  const earlier = saves > 1 ? ` (the latest of ${saves} saves since you opened this page)` : "";
  const review = changes.length === 0 ? "none of the fields differ from what you loaded" : `review ${self ? "that" : "their"} change below`;
  return {
    version: formatVersion(latest.id),
    changedBy: who,
    changedAt: latest.createdAt.toISOString(),
    saves,
    changes,
    message: `${who} changed these settings${where} at ${when}${earlier} — ${review}. Nothing of yours was saved; your edits are still in the form.`,
  };
}
