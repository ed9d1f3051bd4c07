"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import {
  API_NAME_RULES,
  APP_FIELDS,
  CRM_CATALOGUES,
  FIELD_TYPE_LABELS,
  FIELD_TYPES,
  MAPPING_DIRECTIONS,
  crmProperty,
  directionLabel,
  type FieldType,
  type MappingDirection,
} from "@/lib/integrations/settings/catalogue";
import { validateSettings } from "@/lib/integrations/settings/validation";
import type { MappingRow } from "@/lib/integrations/settings/schema";
import { CrmPropertyOptions } from "./crm-property-options";
import { useWizard } from "./wizard-context";

const CUSTOM = "__custom__";

/*
 * Adds a custom row. The row is checked against the rows already there with
 * the same rules as Save, so a CRM property mapped twice or an incompatible
 * type is refused right here, with the reason, and nothing is added.
 */
export function AddMappingRow() {
  const w = useWizard();
  const [appField, setAppField] = useState<MappingRow["appField"]>("job_title");
  const [property, setProperty] = useState("");
  const [customName, setCustomName] = useState("");
  const [customType, setCustomType] = useState<FieldType>("text");
  const [direction, setDirection] = useState<MappingDirection>("bidirectional");
  const [errors, setErrors] = useState<string[]>([]);
  const [added, setAdded] = useState<string | null>(null);
  const custom = property === CUSTOM;

  const add = (e: FormEvent) => {
    e.preventDefault();
    setAdded(null);
    if (!property) return setErrors([`Choose a ${w.crm} property, or add a custom one by its API name.`]);
    if (custom && !customName.trim()) return setErrors(["Enter the custom property's API name."]);
    const row: MappingRow = custom
      ? { appField, crmProperty: customName.trim(), crmType: customType, customProperty: true, direction }
      : { appField, crmProperty: property, crmType: crmProperty(w.provider, property)?.type ?? "text", customProperty: false, direction };
    const rows = [...w.draft.mapping.rows, row];
    const check = validateSettings({
      provider: w.provider,
      features: w.features,
      input: { ...w.draft, mapping: { rows } },
      current: w.saved,
    });
    const prefix = `mapping.rows.${rows.length - 1}.`;
    const problems = check.ok ? [] : check.issues.filter((i) => i.key.startsWith(prefix)).map((i) => i.message);
    if (problems.length > 0) return setErrors(problems);
    w.change("mapping", { rows });
    setErrors([]);
    setAdded(`Added ${APP_FIELDS.find((f) => f.key === appField)?.label} ↔ ${row.crmProperty}. Save to keep it.`);
    setProperty("");
    setCustomName("");
  };

  return (
    <form onSubmit={add} aria-labelledby="add-mapping-title" className="rounded-md border border-dashed border-slate-300 bg-slate-50 p-4">
      <h4 id="add-mapping-title" className="text-sm font-semibold text-slate-900">
        Add a mapping
      </h4>
      <div className="mt-3 grid items-end gap-3 md:grid-cols-[1.1fr_1.1fr_1.5fr]">
        <div>
          <label htmlFor="add-app-field" className="text-xs font-medium text-slate-700">
            Switchboard field
          </label>
          <Select id="add-app-field" value={appField} onChange={(e) => setAppField(e.target.value as MappingRow["appField"])}>
            {APP_FIELDS.map((f) => (
              <option key={f.key} value={f.key}>
                {f.label} ({FIELD_TYPE_LABELS[f.type].toLowerCase()})
              </option>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="add-direction" className="text-xs font-medium text-slate-700">
            Direction
          </label>
          <Select id="add-direction" value={direction} onChange={(e) => setDirection(e.target.value as MappingDirection)}>
            {MAPPING_DIRECTIONS.map((d) => (
              <option key={d} value={d}>
                {directionLabel(d, w.crm)}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="add-crm-property" className="text-xs font-medium text-slate-700">
            {w.crm} property
          </label>
          <Select id="add-crm-property" value={property} onChange={(e) => setProperty(e.target.value)}>
            <option value="">Choose a property</option>
            <CrmPropertyOptions properties={CRM_CATALOGUES[w.provider]} />
            <option value={CUSTOM}>Custom property (enter its API name)…</option>
          </Select>
        </div>
      </div>
      {custom && (
        <div className="mt-3 grid gap-3 md:grid-cols-[1.4fr_1fr]">
          <div>
            <label htmlFor="add-custom-name" className="text-xs font-medium text-slate-700">
              Custom property API name
            </label>
            <Input
              id="add-custom-name"
              value={customName}
              onChange={(e) => setCustomName(e.target.value)}
              aria-describedby="add-custom-name-hint"
              autoComplete="off"
              spellCheck={false}
            />
            <p id="add-custom-name-hint" className="mt-1 text-xs text-slate-600">
              {API_NAME_RULES[w.provider].hint}
            </p>
          </div>
          <div>
            <label htmlFor="add-custom-type" className="text-xs font-medium text-slate-700">
              Custom property type
            </label>
            <Select id="add-custom-type" value={customType} onChange={(e) => setCustomType(e.target.value as FieldType)}>
              {FIELD_TYPES.map((t) => (
                <option key={t} value={t}>
                  {FIELD_TYPE_LABELS[t]}
                </option>
              ))}
            </Select>
          </div>
        </div>
      )}
      {errors.length > 0 && (
        <ul role="alert" className="mt-3 space-y-1 text-sm font-medium text-red-700">
          {errors.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary">
          Add mapping
        </Button>
        <p role="status" className="text-sm text-green-800">
          {added}
        </p>
      </div>
    </form>
  );
}
