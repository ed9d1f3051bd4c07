"use client";

import { Button } from "@/components/ui/button";
import type { SettingsConflict } from "@/lib/concurrency/settings-version";

/*
 * The answer to a stale save (docs/security/lost-updates.md), shown beside
 * Save: who changed the settings since this page was opened, when, and each
 * field as the user loaded it and as it is saved now. Two ways on, both
 * leaving the decision with the user and saving nothing by themselves.
 */
export function SettingsConflictNotice({
  conflict,
  editedFields,
  onLoadTheirs,
  onKeepMine,
}: {
  conflict: SettingsConflict;
  /** Fields the user edited too: their value wins if they keep their edits. */
  editedFields: ReadonlySet<string>;
  onLoadTheirs: () => void;
  onKeepMine: () => void;
}) {
  const them = conflict.changedBy === "You" ? "that version" : "their version";
  return (
    <div
      role="alert"
      aria-labelledby="settings-conflict-title"
      className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
    >
      <p id="settings-conflict-title" className="font-semibold">
        {conflict.message}
      </p>
      {conflict.changes.length > 0 && (
        <table aria-label="Their change" className="mt-2 w-full text-left">
          <thead>
            <tr className="text-xs text-amber-900">
              <th scope="col" className="py-1 pr-3 font-medium">
                Setting
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                When you opened this page
              </th>
              <th scope="col" className="py-1 font-medium">
                Saved now
              </th>
            </tr>
          </thead>
          <tbody>
            {conflict.changes.map((c) => (
              <tr key={c.field} className="border-t border-amber-200 align-top">
                <th scope="row" className="py-1 pr-3 font-medium">
                  {c.label}
                  {editedFields.has(c.field) && <span className="block text-xs font-normal">You changed this too</span>}
                </th>
                <td className="break-words py-1 pr-3">{c.loaded}</td>
                <td className="break-words py-1 font-medium">{c.saved}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="mt-2 text-amber-900">
        <strong>Load {them}</strong> discards your edits. <strong>Keep my edits on top</strong> puts the fields you changed on {them} and
        leaves everything else as saved now; review, then save.
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        <Button variant="secondary" onClick={onLoadTheirs}>
          Load {them}
        </Button>
        <Button variant="secondary" onClick={onKeepMine}>
          Keep my edits on top
        </Button>
      </div>
    </div>
  );
}
