"use client";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { fieldDomId } from "@/lib/integrations/settings/labels";
import { MAX_ZOHO_VIEWS, type SyncSettings } from "@/lib/integrations/settings/schema";
import { ChoiceField, FieldError, ModifiedMark, Section, ToggleField } from "./controls";
import { useWizard } from "./wizard-context";

export function SyncTab() {
  const w = useWizard();
  const sync = w.draft.sync;
  const set = (patch: Partial<SyncSettings>) => w.change("sync", { ...sync, ...patch });
  const mod = (key: keyof SyncSettings) => w.isModified("sync", key);
  const crm = w.crm;

  return (
    <>
      <Section title="Contacts" description={`How contacts move between ${crm} and Switchboard.`}>
        <ChoiceField
          errorKey="sync.contactCreation"
          legend="Contact creation"
          help={`Where a contact created in one system is also created in the other.`}
          value={sync.contactCreation}
          choices={[
            {
              value: "inbound",
              label: `From ${crm} only`,
              description: `New ${crm} contacts appear in Switchboard; contacts created in Switchboard stay there. Recommended.`,
            },
            { value: "bidirectional", label: "Both ways", description: `Contacts created in Switchboard are created in ${crm} too.` },
          ]}
          onChange={(contactCreation) => set({ contactCreation })}
          modified={mod("contactCreation")}
          error={w.errorFor("sync.contactCreation")}
        />
        <ChoiceField
          errorKey="sync.contactUpdate"
          legend="Contact updates"
          help="Which way changes to an existing contact are copied."
          value={sync.contactUpdate}
          choices={[
            // the same order as Contact creation above, whichever is recommended
            {
              value: "inbound",
              label: `From ${crm} only`,
              description: `${crm} stays the source of truth; edits in Switchboard aren't sent.`,
            },
            { value: "bidirectional", label: "Both ways", description: `Edits in either system reach the other. Recommended.` },
          ]}
          onChange={(contactUpdate) => set({ contactUpdate })}
          modified={mod("contactUpdate")}
          error={w.errorFor("sync.contactUpdate")}
        />
        {w.provider === "salesforce" ? (
          <ChoiceField
            errorKey="sync.objects"
            legend="Records to sync"
            help="Salesforce keeps people as contacts, leads or both."
            value={sync.objects}
            choices={[
              { value: "contacts", label: "Contacts", description: "Recommended." },
              { value: "leads", label: "Leads" },
              { value: "both", label: "Contacts and leads" },
            ]}
            onChange={(objects) => set({ objects })}
            modified={mod("objects")}
            error={w.errorFor("sync.objects")}
          />
        ) : (
          <div>
            <p className="text-sm font-medium text-slate-900">Records to sync</p>
            <p className="mt-1 text-sm text-slate-600">{crm} syncs contacts.</p>
          </div>
        )}
        {w.provider === "salesforce" && sync.objects === "both" && (
          <ChoiceField
            errorKey="sync.priority"
            legend="When a lead and a contact share a phone number"
            help="Calls and dispositions are logged on the record that wins."
            value={sync.priority}
            choices={[
              { value: "contact", label: "Prefer the contact", description: "Recommended: contacts are usually the qualified record." },
              { value: "lead", label: "Prefer the lead" },
            ]}
            onChange={(priority) => set({ priority })}
            modified={mod("priority")}
            error={w.errorFor("sync.priority")}
          />
        )}
      </Section>

      <Section title="Matching and safety">
        <ToggleField
          errorKey="sync.syncUsersByEmail"
          label="Sync users by email"
          help={`Match Switchboard users to ${crm} users with the same email address, so calls are logged under the right owner.`}
          checked={sync.syncUsersByEmail}
          onChange={(syncUsersByEmail) => set({ syncUsersByEmail })}
          modified={mod("syncUsersByEmail")}
        />
        <ToggleField
          errorKey="sync.neverOverwrite"
          label="Never overwrite existing CRM values"
          help={`Switchboard only fills empty ${crm} fields; values already in ${crm} are never replaced.`}
          checked={sync.neverOverwrite}
          onChange={(neverOverwrite) => set({ neverOverwrite })}
          modified={mod("neverOverwrite")}
        />
      </Section>

      {w.provider === "zoho" && <ZohoViews />}
    </>
  );
}

function ZohoViews() {
  const w = useWizard();
  const sync = w.draft.sync;
  const views = sync.zohoViews;
  const setViews = (zohoViews: SyncSettings["zohoViews"]) => w.change("sync", { ...sync, zohoViews });
  const listError = w.errorFor("sync.zohoViews");

  return (
    <Section
      title="CRM views to pull"
      description="Custom views whose records Switchboard pulls as call lists. Find a view's id in its URL (cvid=…)."
    >
      <div>
        <p className="text-sm font-medium text-slate-900">
          Views <ModifiedMark show={w.isModified("sync", "zohoViews")} />
        </p>
        {views.length === 0 && <p className="mt-1 text-sm text-slate-600">No views: only contacts sync.</p>}
        <ul className="mt-2 space-y-3">
          {views.map((view, i) => {
            const idKey = `sync.zohoViews.${i}.id`;
            const nameKey = `sync.zohoViews.${i}.name`;
            const update = (patch: Partial<typeof view>) => setViews(views.map((v, j) => (j === i ? { ...v, ...patch } : v)));
            return (
              <li key={i} className="grid items-start gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-[12rem_1fr_auto]">
                <div>
                  <label htmlFor={fieldDomId(idKey)} className="text-xs font-medium text-slate-700">
                    View {i + 1} id
                  </label>
                  <Input
                    id={fieldDomId(idKey)}
                    inputMode="numeric"
                    value={view.id}
                    onChange={(e) => update({ id: e.target.value })}
                    invalid={!!w.errorFor(idKey)}
                    aria-describedby={w.errorFor(idKey) ? `${fieldDomId(idKey)}-error` : undefined}
                    placeholder="4150868000000087501"
                  />
                  <FieldError id={fieldDomId(idKey)} message={w.errorFor(idKey)} />
                </div>
                <div>
                  <label htmlFor={fieldDomId(nameKey)} className="text-xs font-medium text-slate-700">
                    View {i + 1} name
                  </label>
                  <Input
                    id={fieldDomId(nameKey)}
                    value={view.name}
                    onChange={(e) => update({ name: e.target.value })}
                    invalid={!!w.errorFor(nameKey)}
                    aria-describedby={w.errorFor(nameKey) ? `${fieldDomId(nameKey)}-error` : undefined}
                    placeholder="Hot leads this week"
                  />
                  <FieldError id={fieldDomId(nameKey)} message={w.errorFor(nameKey)} />
                </div>
                <Button
                  variant="ghost"
                  className="sm:mt-5"
                  onClick={() => setViews(views.filter((_, j) => j !== i))}
                  aria-label={`Remove view ${i + 1}`}
                >
                  Remove
                </Button>
              </li>
            );
          })}
        </ul>
        {listError && <p className="mt-2 text-sm font-medium text-red-700">{listError}</p>}
        <Button
          variant="secondary"
          className="mt-3"
          disabled={views.length >= MAX_ZOHO_VIEWS}
          onClick={() => setViews([...views, { id: "", name: "" }])}
        >
          Add view
        </Button>
      </div>
    </Section>
  );
}
