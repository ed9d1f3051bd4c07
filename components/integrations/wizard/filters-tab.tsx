"use client";

import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { FIELD_TYPE_LABELS } from "@/lib/integrations/settings/catalogue";
import { fieldDomId } from "@/lib/integrations/settings/labels";
import {
  FILTER_OPERATORS,
  MAX_FILTERS,
  OPERATOR_LABELS,
  operatorNeedsValue,
  type FilterCondition,
} from "@/lib/integrations/settings/schema";
import { filterableProperties } from "@/lib/integrations/settings/validation";
import { FieldError, ModifiedMark, Section } from "./controls";
import { useWizard } from "./wizard-context";

function described(id: string, error?: string, hint?: boolean) {
  return error ? `${id}-error` : hint ? `${id}-hint` : undefined;
}

export function FiltersTab() {
  const w = useWizard();
  const conditions = w.draft.filters.conditions;
  const setConditions = (next: FilterCondition[]) => w.change("filters", { conditions: next });
  const properties = filterableProperties(w.provider, w.draft.mapping.rows);
  const listError = w.errorFor("filters.conditions");

  return (
    <Section
      title="Record conditions"
      description={`A ${w.crm} record syncs only when it meets every condition. With no conditions, every record syncs.`}
    >
      <p className="text-sm font-medium text-slate-900">
        Conditions <ModifiedMark show={w.isModified("filters", "conditions")} />
      </p>
      {conditions.length === 0 && <p className="text-sm text-slate-600">No conditions: all records sync.</p>}
      <ol className="space-y-3">
        {conditions.map((c, i) => {
          const key = (leaf: string) => `filters.conditions.${i}.${leaf}`;
          const update = (patch: Partial<FilterCondition>) => setConditions(conditions.map((x, j) => (j === i ? { ...x, ...patch } : x)));
          const needsValue = operatorNeedsValue(c.operator);
          const selected = properties.find((p) => p.apiName === c.property);
          const ids = { property: fieldDomId(key("property")), operator: fieldDomId(key("operator")), value: fieldDomId(key("value")) };
          const errors = { property: w.errorFor(key("property")), operator: w.errorFor(key("operator")), value: w.errorFor(key("value")) };
          return (
            <li key={i} className="rounded-md border border-slate-200 p-3">
              <p className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-600">
                {i === 0 ? `Condition ${i + 1}` : `And condition ${i + 1}`}
              </p>
              <div className="grid items-start gap-3 md:grid-cols-[1.2fr_1fr_1.5fr_auto]">
                <div>
                  <label htmlFor={ids.property} className="text-xs font-medium text-slate-700">
                    Condition {i + 1} property
                  </label>
                  <Select
                    id={ids.property}
                    value={c.property}
                    onChange={(e) => update({ property: e.target.value })}
                    invalid={!!errors.property}
                    aria-describedby={described(ids.property, errors.property)}
                  >
                    {!properties.some((p) => p.apiName === c.property) && (
                      <option value={c.property}>{c.property || "Choose a property"}</option>
                    )}
                    {properties.map((p) => (
                      <option key={p.apiName} value={p.apiName}>
                        {p.label} ({p.apiName})
                      </option>
                    ))}
                  </Select>
                  <FieldError id={ids.property} message={errors.property} />
                </div>
                <div>
                  <label htmlFor={ids.operator} className="text-xs font-medium text-slate-700">
                    Condition {i + 1} operator
                  </label>
                  <Select
                    id={ids.operator}
                    value={c.operator}
                    onChange={(e) => update({ operator: e.target.value as FilterCondition["operator"] })}
                    invalid={!!errors.operator}
                  >
                    {FILTER_OPERATORS.map((op) => (
                      <option key={op} value={op}>
                        {OPERATOR_LABELS[op]}
                      </option>
                    ))}
                  </Select>
                  <FieldError id={ids.operator} message={errors.operator} />
                </div>
                <div>
                  <label htmlFor={ids.value} className="text-xs font-medium text-slate-700">
                    Condition {i + 1} value
                  </label>
                  <Input
                    id={ids.value}
                    value={needsValue ? c.value : ""}
                    disabled={!needsValue}
                    placeholder={needsValue ? (c.operator === "in_list" ? "customer, opportunity" : "Value") : "No value needed"}
                    onChange={(e) => update({ value: e.target.value })}
                    invalid={!!errors.value}
                    aria-describedby={described(ids.value, errors.value, c.operator === "in_list")}
                  />
                  {c.operator === "in_list" && !errors.value && (
                    <p id={`${ids.value}-hint`} className="mt-1 text-xs text-slate-600">
                      Separate values with commas.
                    </p>
                  )}
                  <FieldError id={ids.value} message={errors.value} />
                </div>
                <Button
                  variant="ghost"
                  className="md:mt-5"
                  onClick={() => setConditions(conditions.filter((_, j) => j !== i))}
                  aria-label={`Remove condition ${i + 1}`}
                >
                  Remove
                </Button>
              </div>
              {selected && (
                <p className="mt-2 text-xs text-slate-600">
                  {selected.apiName} · {FIELD_TYPE_LABELS[selected.type].toLowerCase()} property{selected.note ? ` · ${selected.note}` : ""}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {listError && <p className="text-sm font-medium text-red-700">{listError}</p>}
      <Button
        variant="secondary"
        disabled={conditions.length >= MAX_FILTERS}
        onClick={() => setConditions([...conditions, { property: properties[0]?.apiName ?? "", operator: "equals", value: "" }])}
      >
        Add condition
      </Button>
    </Section>
  );
}
