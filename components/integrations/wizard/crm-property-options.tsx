"use client";

import { FIELD_TYPE_LABELS, FIELD_TYPES, type CrmProperty } from "@/lib/integrations/settings/catalogue";

/* A CRM's properties grouped by type, so compatible ones are easy to find. */
export function CrmPropertyOptions({ properties }: { properties: readonly CrmProperty[] }) {
  return (
    <>
      {FIELD_TYPES.map((type) => {
        const ofType = properties.filter((p) => p.type === type);
        if (ofType.length === 0) return null;
        return (
          <optgroup key={type} label={FIELD_TYPE_LABELS[type]}>
            {ofType.map((p) => (
              <option key={p.apiName} value={p.apiName}>
                {p.label} ({p.apiName}){p.note ? ` · ${p.note}` : ""}
              </option>
            ))}
          </optgroup>
        );
      })}
    </>
  );
}
