"use client";

import { Select, describedBy } from "@/components/ui/field";
import { FIELD } from "@/lib/report-settings/fields";
import { timeZoneRegion } from "@/lib/report-settings/time-zones";
import { SettingsCard } from "./settings-card";

function groupByRegion(zones: string[]) {
  const groups = new Map<string, string[]>();
  for (const zone of zones) {
    const region = timeZoneRegion(zone);
    groups.set(region, [...(groups.get(region) ?? []), zone]);
  }
  return [...groups.entries()];
}

/* The company's time zone (docs/product R38), used for every time shown in emails and pages. */
export function TimeZone({
  value,
  options,
  onChange,
  error,
}: {
  value: string;
  options: string[];
  onChange: (value: string) => void;
  error?: string;
}) {
  const id = FIELD.timeZone;
  return (
    <SettingsCard
      id="time-zone"
      title="Company time zone"
      description="Deadlines and times in notification emails and on these pages are shown in this zone; emails add UTC beside them."
    >
      <div className="max-w-sm space-y-1.5">
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          Time zone
        </label>
        <Select
          id={id}
          name={FIELD.timeZone}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          invalid={!!error}
          aria-describedby={describedBy(id, error, true)}
        >
          {groupByRegion(options).map(([region, zones]) =>
            region === "Other" ? (
              zones.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))
            ) : (
              <optgroup key={region} label={region}>
                {zones.map((z) => (
                  <option key={z} value={z}>
                    {z.replaceAll("_", " ")}
                  </option>
                ))}
              </optgroup>
            ),
          )}
        </Select>
        {error ? (
          <p id={`${id}-error`} role="alert" className="text-sm font-medium text-red-700">
            {error}
          </p>
        ) : (
          <p id={`${id}-hint`} className="text-xs text-slate-600">
            IANA time zone name, for example America/New_York.
          </p>
        )}
      </div>
    </SettingsCard>
  );
}
