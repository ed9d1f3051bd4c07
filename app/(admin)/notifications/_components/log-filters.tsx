import Link from "next/link";
import { MESSAGE_STATUSES, NOTIFICATION_KINDS } from "@/db/schema";
import { PROVIDER_NAMES, PROVIDERS } from "@/lib/integrations/providers";
import type { FilterErrors, LogFilters } from "@/lib/notifications/delivery-log-filters";
import { buttonClass } from "@/components/ui/button";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import { KIND_LABELS, STATUS_LABELS } from "./labels";

/*
 * The delivery log's filters as a plain GET form (docs/product R27): every filter
 * lives in the URL, so a filtered view can be bookmarked, shared and paged,
 * and works before any JavaScript loads. Values the server could not use come
 * back as typed, with the reason next to the field.
 */
export function LogFiltersForm({
  path,
  raw,
  errors,
  timeZone,
  active,
}: {
  path: string;
  raw: Record<keyof LogFilters, string>;
  errors: FilterErrors;
  timeZone: string;
  active: boolean;
}) {
  return (
    <form method="get" action={path} aria-label="Filter the delivery log" className="border-b border-slate-200 px-5 py-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-7">
        <Field id="kind" label="Type" error={errors.kind}>
          <Select id="kind" name="kind" defaultValue={raw.kind} invalid={!!errors.kind} aria-describedby={describedBy("kind", errors.kind)}>
            <option value="">All types</option>
            {NOTIFICATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="provider" label="CRM" error={errors.provider}>
          <Select
            id="provider"
            name="provider"
            defaultValue={raw.provider}
            invalid={!!errors.provider}
            aria-describedby={describedBy("provider", errors.provider)}
          >
            <option value="">All CRMs</option>
            {PROVIDERS.map((p) => (
              <option key={p} value={p}>
                {PROVIDER_NAMES[p]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="status" label="Status" error={errors.status}>
          <Select
            id="status"
            name="status"
            defaultValue={raw.status}
            invalid={!!errors.status}
            aria-describedby={describedBy("status", errors.status)}
          >
            <option value="">All statuses</option>
            {MESSAGE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="recipient" label="Recipient" error={errors.recipient} hint="A full address, To or BCC">
          <Input
            id="recipient"
            name="recipient"
            type="text"
            inputMode="email"
            autoComplete="off"
            spellCheck={false}
            defaultValue={raw.recipient}
            invalid={!!errors.recipient}
            aria-describedby={describedBy("recipient", errors.recipient, true)}
          />
        </Field>
        <Field id="from" label="From" error={errors.from} hint={timeZone}>
          <Input
            id="from"
            name="from"
            type="date"
            defaultValue={raw.from}
            invalid={!!errors.from}
            aria-describedby={describedBy("from", errors.from, true)}
          />
        </Field>
        <Field id="to" label="To" error={errors.to} hint="Inclusive">
          <Input
            id="to"
            name="to"
            type="date"
            defaultValue={raw.to}
            invalid={!!errors.to}
            aria-describedby={describedBy("to", errors.to, true)}
          />
        </Field>
        <Field id="previews" label="Previews" error={errors.previews} hint="Sent from the email gallery">
          <Select
            id="previews"
            name="previews"
            defaultValue={raw.previews}
            invalid={!!errors.previews}
            aria-describedby={describedBy("previews", errors.previews, true)}
          >
            <option value="">Shown</option>
            <option value="hide">Hidden</option>
          </Select>
        </Field>
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass("primary")}>
          Apply filters
        </button>
        {active && (
          <Link href={path} className="text-sm font-medium text-brand-700 hover:underline">
            Clear filters
          </Link>
        )}
      </div>
    </form>
  );
}
