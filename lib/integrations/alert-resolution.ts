/*
 * When and how an integration's last re-auth alert was resolved, read from
 * its audit rows (db/queries/integrations-status.ts writes one per status
 * change, before → after): the first change after the alert's event that
 * left the authorization healthy. A card that says "Connected" next to
 * "Recent activity: Re-authentication required" tells this, so the two
 * lines don't contradict each other.
 */

type AuditView = { status?: string; disabledBy?: string | null; authorization?: string; reauthDeadlineAt?: string | null } | null;

function broken(v: AuditView): boolean {
  if (!v) return false;
  if (v.authorization) return v.authorization === "broken";
  // rows written before the authorization fact was recorded
  return v.status === "needs_reauth" || (v.status === "disabled" && (v.disabledBy === "auth" || !!v.reauthDeadlineAt));
}

export function restoresAuthorization(before: unknown, after: unknown): boolean {
  return broken(before as AuditView) && !broken(after as AuditView);
}

export type AlertResolution = { at: Date; by: string; how: "reconnect" | "auth_restored" | "other" };

export function describeResolution(row: { createdAt: Date; actorType: string; actorLabel: string; action: string }): AlertResolution {
  const how = row.actorType === "user" ? "reconnect" : row.actorLabel.includes("integration.auth_restored") ? "auth_restored" : "other";
  // "Ada Admin <admin@acme.test>" → "Ada Admin"
  const by = row.actorType === "user" ? row.actorLabel.replace(/\s*<[^>]*>\s*$/, "") : row.actorLabel;
  return { at: row.createdAt, by, how };
}
