"use client";

import type { CommunicationSettings } from "@/lib/integrations/settings/schema";
import { ChoiceField, Section, ToggleField } from "./controls";
import { useWizard } from "./wizard-context";

const ACTIVITIES: { key: keyof CommunicationSettings & `log${string}`; label: string; help: string }[] = [
  { key: "logCalls", label: "Log calls", help: "Each call becomes an activity on the contact, with its duration and outcome." },
  { key: "logSms", label: "Log SMS", help: "Text messages sent and received appear on the contact's timeline." },
  { key: "logVoicemails", label: "Log voicemails", help: "Voicemails left or received are logged with their length." },
  { key: "logRecordingLinks", label: "Log recording links", help: "Call activities link to their recording in Switchboard." },
];

export function CommunicationTab() {
  const w = useWizard();
  const comm = w.draft.communication;
  const set = (patch: Partial<CommunicationSettings>) => w.change("communication", { ...comm, ...patch });
  const crm = w.crm;

  return (
    <>
      <Section title="Activities logged" description={`What Switchboard writes to ${crm} after each conversation.`}>
        {ACTIVITIES.map((a) => (
          <ToggleField
            key={a.key}
            errorKey={`communication.${a.key}`}
            label={a.label}
            help={a.help}
            checked={comm[a.key]}
            onChange={(checked) => set({ [a.key]: checked })}
            modified={w.isModified("communication", a.key)}
          />
        ))}
      </Section>
      <Section title="Missed calls">
        <ToggleField
          errorKey="communication.missedCallTask"
          label="Create a task for missed calls"
          help={`Adds a follow-up task in ${crm}, assigned to the contact's owner, whenever a call is missed.`}
          checked={comm.missedCallTask}
          onChange={(missedCallTask) => set({ missedCallTask })}
          modified={w.isModified("communication", "missedCallTask")}
        />
      </Section>
      <Section
        title="Call dispositions"
        description="The outcome agents pick after a call (e.g. Interested, Call back). Also shown on the Last call disposition row of the mapping."
      >
        <ChoiceField
          errorKey="communication.dispositionDirection"
          legend="Disposition sync direction"
          help={`Switchboard → ${crm} alone isn't supported: ${crm} keeps the list of dispositions.`}
          value={comm.dispositionDirection}
          choices={[
            { value: "crm_to_app", label: `${crm} → Switchboard`, description: `${crm} is the source of truth. Recommended.` },
            { value: "bidirectional", label: "Both ways", description: `Dispositions picked in Switchboard are written back to ${crm}.` },
          ]}
          onChange={(dispositionDirection) => set({ dispositionDirection })}
          modified={w.isModified("communication", "dispositionDirection")}
          error={w.errorFor("communication.dispositionDirection")}
        />
      </Section>
    </>
  );
}
