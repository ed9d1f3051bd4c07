import type { ReportRole, Role } from "@/db/schema";

/*
 * Recipient resolution (docs/product R10), pure so the Report settings page can run it
 * in the browser on unsaved form state and notification planning can run it
 * inside the ingestion transaction, with identical results.
 */

export type RecipientCandidate = {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
};

export type ResolvedRecipient = {
  id: string;
  name: string;
  email: string;
  role: Role;
  /** a checked role matched this person */
  viaRole: boolean;
  /** listed as an additional recipient */
  viaAdditional: boolean;
};

export type RecipientResolution = {
  recipients: ResolvedRecipient[];
  /** nobody resolved: the message goes To the escalation address and is flagged */
  noRecipients: boolean;
};

/**
 * Users whose role is checked ∪ additional recipients; deactivated users are
 * never recipients; one entry per email address, compared case-insensitively
 * (the first user seen for an address keeps its name, reasons are merged).
 * Additional ids that are not among `users` are ignored, so a caller that
 * passes one company's users can never resolve another company's people.
 */
export function resolveRecipients({
  users,
  roles,
  additionalUserIds,
}: {
  users: readonly RecipientCandidate[];
  roles: readonly ReportRole[];
  additionalUserIds: readonly string[];
}): RecipientResolution {
  const checked = new Set<Role>(roles);
  const additional = new Set(additionalUserIds);
  const byEmail = new Map<string, ResolvedRecipient>();

  for (const user of users) {
    if (!user.active) continue;
    const viaRole = checked.has(user.role);
    const viaAdditional = additional.has(user.id);
    if (!viaRole && !viaAdditional) continue;
    const key = user.email.trim().toLowerCase();
    const seen = byEmail.get(key);
    if (seen) {
      seen.viaRole ||= viaRole;
      seen.viaAdditional ||= viaAdditional;
      continue;
    }
    byEmail.set(key, {
      id: user.id,
      name: user.name,
      email: user.email.trim(),
      role: user.role,
      viaRole,
      viaAdditional,
    });
  }

  const recipients = Array.from(byEmail, ([, r]) => r).sort((a, b) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email));
  return { recipients, noRecipients: recipients.length === 0 };
}

/** The escalation BCC in force (docs/product R6): the company's override, else the deployment default. */
export function escalationBccAddress({
  override,
  defaultAddress,
}: {
  override: string | null | undefined;
  defaultAddress: string;
}): string {
  const trimmed = override?.trim();
  return trimmed ? trimmed : defaultAddress;
}
