import type { ReportSettingsFieldErrors } from "./fields";

type Person = { id: string; name: string; active: boolean };

/**
 * The additional recipients a save may store (docs/product R5, R10): only users of
 * the company (`found` is what the company's users matched), and no one
 * deactivated — unless they were already listed, so that a save elsewhere on
 * the form doesn't fail because someone left since. Null when they may.
 */
export function additionalRecipientsError({
  requested,
  found,
  alreadyListed,
}: {
  requested: string[];
  found: Person[];
  alreadyListed: string[];
}): ReportSettingsFieldErrors | null {
  if (found.length !== requested.length) {
    return { additionalUserIds: "Some of the people you picked are not users of your company. Reload the page and pick again." };
  }
  const newlyDeactivated = found.filter((u) => !u.active && !alreadyListed.includes(u.id));
  if (newlyDeactivated.length > 0) {
    const names = newlyDeactivated.map((u) => u.name).join(", ");
    return { additionalUserIds: `${names} ${newlyDeactivated.length === 1 ? "is" : "are"} deactivated and can't receive reports.` };
  }
  return null;
}
