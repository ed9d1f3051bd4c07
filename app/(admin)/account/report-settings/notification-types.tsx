"use client";

import type { SyncReportMode } from "@/db/schema";
import { Badge } from "@/components/ui/badge";
import { Input, describedBy } from "@/components/ui/field";
import { REPORT_SETTINGS_DEFAULTS } from "@/lib/report-settings/defaults";
import { FIELD, MAX_DIGEST_MINUTES, SYNC_MODE_LABELS, SYNC_MODE_ORDER } from "@/lib/report-settings/fields";
import { SettingsCard } from "./settings-card";

const SYNC_MODE_HELP: Record<SyncReportMode, string> = {
  always: "A report after every completed sync.",
  failures_only: "Only when records failed or the sync raised a warning.",
  off: "No data-sync reports. Failures stay visible in the delivery log.",
};

/* Which notifications go out and how often (docs/product R7). */
export function NotificationTypes({
  syncReportMode,
  digestMinutes,
  onSyncReportMode,
  onDigestMinutes,
  errors,
}: {
  syncReportMode: SyncReportMode;
  digestMinutes: string;
  onSyncReportMode: (mode: SyncReportMode) => void;
  onDigestMinutes: (value: string) => void;
  errors: { syncReportMode?: string; mappingDigestMinutes?: string };
}) {
  const digestId = FIELD.mappingDigestMinutes;
  return (
    <SettingsCard
      id="notification-types"
      title="Notification types"
      description="Choose which integration notifications are sent. Every one goes to the recipients above."
    >
      <div className="flex flex-col-reverse items-start gap-2 rounded-md bg-slate-50 px-4 py-3 ring-1 ring-inset ring-slate-200 sm:flex-row sm:justify-between sm:gap-4">
        <div className="flex items-start gap-3 text-sm">
          <input
            id="reauth-alerts"
            type="checkbox"
            checked
            disabled
            readOnly
            aria-describedby="reauth-help"
            className="mt-0.5 h-4 w-4 rounded border-slate-400 accent-brand-600"
          />
          <div>
            <label htmlFor="reauth-alerts" className="font-medium text-slate-800">
              Re-authentication alerts
            </label>
            <p id="reauth-help" className="text-xs text-slate-600">
              Can't be switched off. Sent when a CRM connection must be reconnected, with a reminder 24 hours before the deadline and a
              notice when it is restored.
            </p>
          </div>
        </div>
        <span className="shrink-0 whitespace-nowrap">
          <Badge tone="danger">Critical — always on</Badge>
        </span>
      </div>

      <fieldset aria-describedby={errors.syncReportMode ? "syncReportMode-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">Data-sync reports</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-3">
          {SYNC_MODE_ORDER.map((mode) => (
            <label
              key={mode}
              className={`flex cursor-pointer items-start gap-2.5 rounded-md border px-3 py-2.5 text-sm has-[:disabled]:cursor-default ${
                syncReportMode === mode ? "border-brand-600 bg-brand-50" : "border-slate-300 bg-white"
              }`}
            >
              <input
                type="radio"
                name={FIELD.syncReportMode}
                value={mode}
                checked={syncReportMode === mode}
                onChange={() => onSyncReportMode(mode)}
                className="mt-0.5 h-4 w-4 accent-brand-600"
              />
              <span>
                <span className="font-medium text-slate-900">
                  {SYNC_MODE_LABELS[mode]}
                  {mode === REPORT_SETTINGS_DEFAULTS.syncReportMode && <span className="font-normal text-slate-600"> (default)</span>}
                </span>
                <span className="block text-xs text-slate-600">{SYNC_MODE_HELP[mode]}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.syncReportMode && (
          <p id="syncReportMode-error" role="alert" className="mt-2 text-sm font-medium text-red-700">
            {errors.syncReportMode}
          </p>
        )}
      </fieldset>

      <div className="space-y-1.5">
        <label htmlFor={digestId} className="block text-sm font-medium text-slate-800">
          Mapping errors digest window
        </label>
        <div className="flex max-w-xs items-center gap-2">
          <Input
            id={digestId}
            name={FIELD.mappingDigestMinutes}
            inputMode="numeric"
            autoComplete="off"
            value={digestMinutes}
            onChange={(e) => onDigestMinutes(e.target.value)}
            invalid={!!errors.mappingDigestMinutes}
            aria-describedby={describedBy(digestId, errors.mappingDigestMinutes, true)}
            className="w-28"
          />
          <span className="text-sm text-slate-600">minutes</span>
        </div>
        {errors.mappingDigestMinutes ? (
          <p id={`${digestId}-error`} role="alert" className="text-sm font-medium text-red-700">
            {errors.mappingDigestMinutes}
          </p>
        ) : (
          <p id={`${digestId}-hint`} className="text-xs text-slate-600">
            Contact mapping errors for the same CRM are collected into one email for this long after the first error. 0 sends each error at
            once; at most {MAX_DIGEST_MINUTES} (24 hours). Default {REPORT_SETTINGS_DEFAULTS.mappingDigestMinutes}.
          </p>
        )}
      </div>
    </SettingsCard>
  );
}
