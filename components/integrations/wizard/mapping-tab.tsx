"use client";

import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import {
  APP_FIELDS,
  CRM_CATALOGUES,
  FIELD_TYPE_LABELS,
  appField,
  crmProperty,
  directionLabel,
  MAPPING_DIRECTIONS,
  sameApiName,
  type MappingDirection,
} from "@/lib/integrations/settings/catalogue";
import { fieldDomId } from "@/lib/integrations/settings/labels";
import { DISPOSITION_DIRECTIONS, rowKind, type MappingRow } from "@/lib/integrations/settings/schema";
import { FieldError, ModifiedMark, Section } from "./controls";
import { CrmPropertyOptions } from "./crm-property-options";
import { AddMappingRow } from "./mapping-add-row";
import { useWizard } from "./wizard-context";

export function MappingTab() {
  const w = useWizard();
  const rows = w.draft.mapping.rows;
  const setRows = (next: MappingRow[]) => w.change("mapping", { rows: next });
  const listError = w.errorFor("mapping.rows");

  return (
    <Section
      stacked
      title="Contact properties"
      description={`Which ${w.crm} property each Switchboard field syncs with, and which way. Email and phone identify a contact and are locked.`}
    >
      <p className="text-sm font-medium text-slate-900">
        Mapped properties <ModifiedMark show={w.isModified("mapping", "rows")} />
      </p>
      <div
        className="hidden grid-cols-[1.1fr_1.1fr_1.5fr_7rem] gap-3 px-3 text-xs font-semibold uppercase tracking-wide text-slate-600 md:grid"
        aria-hidden
      >
        <span>Switchboard field</span>
        <span>Direction</span>
        <span>{w.crm} property</span>
        <span className="sr-only">Actions</span>
      </div>
      <ul className="space-y-2" aria-label="Mapped properties">
        {rows.map((row, i) => (
          <MappingRowItem
            key={i}
            row={row}
            index={i}
            onChange={(next) => setRows(rows.map((r, j) => (j === i ? next : r)))}
            onRemove={() => setRows(rows.filter((_, j) => j !== i))}
          />
        ))}
      </ul>
      {listError && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {listError}
        </p>
      )}
      {w.canChange && <AddMappingRow />}
    </Section>
  );
}

function MappingRowItem({
  row,
  index,
  onChange,
  onRemove,
}: {
  row: MappingRow;
  index: number;
  onChange: (r: MappingRow) => void;
  onRemove: () => void;
}) {
  const w = useWizard();
  const kind = rowKind(w.provider, row);
  const app = appField(row.appField);
  const label = `row ${index + 1} (${app?.label ?? row.appField})`;
  const key = (leaf: string) => `mapping.rows.${index}.${leaf}`;
  const errors = {
    appField: w.errorFor(key("appField")),
    direction: w.errorFor(key("direction")),
    crmProperty: w.errorFor(key("crmProperty")),
  };
  const ids = {
    appField: fieldDomId(key("appField")),
    direction: fieldDomId(key("direction")),
    crmProperty: fieldDomId(key("crmProperty")),
  };
  const known = row.customProperty ? undefined : crmProperty(w.provider, row.crmProperty);
  const type = known?.type ?? row.crmType;
  const before = w.saved.mapping.rows.find((r) => r.appField === row.appField && sameApiName(r.crmProperty, row.crmProperty));
  const status = !before ? "New" : before.direction !== row.direction ? "Modified" : null;
  const disposition = kind === "default" && row.appField === "last_call_disposition";
  const directions: readonly MappingDirection[] = row.appField === "last_call_disposition" ? DISPOSITION_DIRECTIONS : MAPPING_DIRECTIONS;
  const hasError = Object.values(errors).some(Boolean);

  const setDirection = (direction: MappingDirection) => {
    if (disposition) {
      // One setting shown in two places: the Communication tab's disposition direction.
      w.change("communication", { ...w.draft.communication, dispositionDirection: direction as (typeof DISPOSITION_DIRECTIONS)[number] });
    } else onChange({ ...row, direction });
  };

  return (
    <li
      aria-label={`Mapping ${label}`}
      className={`grid items-start gap-3 rounded-md border px-3 py-3 md:grid-cols-[1.1fr_1.1fr_1.5fr_7rem] ${hasError ? "border-red-300 bg-red-50/40" : "border-slate-200 bg-white"}`}
    >
      <div className="min-w-0">
        {kind === "custom" ? (
          <>
            <Select
              id={ids.appField}
              aria-label={`Switchboard field, ${label}`}
              value={row.appField}
              onChange={(e) => onChange({ ...row, appField: e.target.value as MappingRow["appField"] })}
              invalid={!!errors.appField}
            >
              {APP_FIELDS.map((f) => (
                <option key={f.key} value={f.key}>
                  {f.label} ({FIELD_TYPE_LABELS[f.type].toLowerCase()})
                </option>
              ))}
            </Select>
            <FieldError id={ids.appField} message={errors.appField} />
          </>
        ) : (
          <p className="pt-2 text-sm font-medium text-slate-900">
            {app?.label}
            <span className="ml-1 text-xs font-normal text-slate-600">({app ? FIELD_TYPE_LABELS[app.type].toLowerCase() : ""})</span>
          </p>
        )}
        <p className="mt-1 flex flex-wrap gap-1.5 text-xs">
          {kind === "locked" && <span className="rounded bg-slate-200 px-1.5 py-0.5 font-medium text-slate-800">Locked</span>}
          {kind === "default" && <span className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-700">Default</span>}
          {kind === "custom" && <span className="rounded bg-brand-50 px-1.5 py-0.5 text-brand-800">Custom</span>}
          {status && <span className="rounded bg-amber-100 px-1.5 py-0.5 font-medium text-amber-900">{status}</span>}
        </p>
      </div>
      <div className="min-w-0">
        {kind === "locked" ? (
          <p className="pt-2 text-sm text-slate-800">{directionLabel(row.direction, w.crm)}</p>
        ) : (
          <Select
            id={ids.direction}
            aria-label={`Direction, ${label}`}
            value={row.direction}
            onChange={(e) => setDirection(e.target.value as MappingDirection)}
            invalid={!!errors.direction}
            aria-describedby={errors.direction ? `${ids.direction}-error` : undefined}
          >
            {directions.map((d) => (
              <option key={d} value={d}>
                {directionLabel(d, w.crm)}
              </option>
            ))}
          </Select>
        )}
        {disposition && <p className="mt-1 text-xs text-slate-600">Same setting as Communication › Disposition sync direction.</p>}
        <FieldError id={ids.direction} message={errors.direction} />
      </div>
      <div className="min-w-0">
        {kind === "custom" && !row.customProperty ? (
          <Select
            id={ids.crmProperty}
            aria-label={`${w.crm} property, ${label}`}
            value={known?.apiName ?? row.crmProperty}
            onChange={(e) =>
              onChange({ ...row, crmProperty: e.target.value, crmType: crmProperty(w.provider, e.target.value)?.type ?? row.crmType })
            }
            invalid={!!errors.crmProperty}
            aria-describedby={errors.crmProperty ? `${ids.crmProperty}-error` : undefined}
          >
            {!known && <option value={row.crmProperty}>{row.crmProperty}</option>}
            <CrmPropertyOptions properties={CRM_CATALOGUES[w.provider]} />
          </Select>
        ) : (
          <p id={ids.crmProperty} tabIndex={errors.crmProperty ? -1 : undefined} className="pt-2 text-sm text-slate-900">
            <span className="font-mono text-[13px]">{known?.apiName ?? row.crmProperty}</span>
            <span className="ml-1 text-xs text-slate-600">
              ({FIELD_TYPE_LABELS[type].toLowerCase()}
              {row.customProperty ? ", custom property" : known?.note ? `, ${known.note}` : ""})
            </span>
          </p>
        )}
        <FieldError id={ids.crmProperty} message={errors.crmProperty} />
      </div>
      <div className="flex md:justify-end">
        {kind === "custom" ? (
          <Button variant="ghost" onClick={onRemove} aria-label={`Remove ${label}`}>
            Remove
          </Button>
        ) : (
          <span className="pt-2 text-xs text-slate-500">{kind === "locked" ? "Can't be removed" : "Required"}</span>
        )}
      </div>
    </li>
  );
}
