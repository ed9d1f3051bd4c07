"use client";

import { startTransition, useActionState, useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import type { ReportRole } from "@/db/schema";
import { LeaveGuard } from "@/components/unsaved-changes/leave-guard";
import { SaveBar, type SaveOutcome } from "@/components/unsaved-changes/save-bar";
import { SendTestEmailButton } from "./send-test-email-button";
import { resolveRecipients } from "@/lib/notifications/recipients";
import { SettingsConflictNotice } from "@/components/settings-conflict";
import { VERSION_FIELD } from "@/lib/concurrency/settings-version";
import { FIELD, REPORT_ROLE_LABELS, REPORT_ROLE_ORDER, type ReportSettingsFieldErrors } from "@/lib/report-settings/fields";
import { saveReportSettingsAction } from "./actions";
import type { SaveState } from "./save-state";
import { editedFieldsOf, editedSections, hasUnsavedChanges, keepEditsOn, type CompanyUser, type FormValues } from "./form-values";
import { SettingsCard } from "./settings-card";
import { AvatarsProvider } from "./person-label";
import { AdditionalRecipients } from "./additional-recipients";
import { EscalationBcc } from "./escalation-bcc";
import { NotificationTypes } from "./notification-types";
import { TimeZone } from "./time-zone";
import { ResolvedRecipients } from "./resolved-recipients";

/*
 * The "System reports recipients" form (docs/product R4–R9). Controlled, so the
 * resolved-recipient preview follows every edit; submitted as one FormData to
 * one server action. Send test email sits beside Save and knows whether the
 * form has edits (it always goes to the saved settings). One SaveBar and one
 * LeaveGuard, as in the integration wizard.
 * Every save carries the version of the settings the form's values are based
 * on (`base`); a refused stale save keeps the user's edits and shows whose
 * change came first (docs/security/lost-updates.md).
 */
export function RecipientsForm({
  users,
  saved,
  version,
  defaultBcc,
  timeZones,
  readOnly,
}: {
  users: CompanyUser[];
  saved: FormValues;
  version: string;
  defaultBcc: string;
  timeZones: string[];
  readOnly: boolean;
}) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<FormValues>(saved);
  // the saved settings the form's values start from, and their version: what a save claims to replace
  const [base, setBase] = useState({ saved, version });
  const [submitted, setSubmitted] = useState<FormValues>(saved);
  const [state, formAction, pending] = useActionState<SaveState, FormData>(saveReportSettingsAction, {});
  // errors of the last answer; each one clears as soon as its field is edited
  const [errors, setErrors] = useState<ReportSettingsFieldErrors>({});
  // the answer on show; the conflict's buttons put it away
  const [shown, setShown] = useState(state);
  const [answered, setAnswered] = useState(state);
  if (state !== answered) {
    setAnswered(state);
    setShown(state);
    setErrors(state.fieldErrors ?? {});
    if (state.ok && state.version) setBase({ saved: submitted, version: state.version });
  }
  // Newer settings from the server (after a save, or a refresh) replace the base only when the
  // form has no edits of its own; edits stay on the version they were made on.
  const [seenVersion, setSeenVersion] = useState(version);
  if (version !== seenVersion) {
    setSeenVersion(version);
    if (!hasUnsavedChanges(values, base.saved, defaultBcc)) {
      setBase({ saved, version });
      setValues(saved);
    } else if (version === base.version) setBase({ saved, version });
  }

  const dirty = hasUnsavedChanges(values, base.saved, defaultBcc);
  const conflict = shown.conflict;
  const editedFields = editedFieldsOf(values, base.saved, defaultBcc);

  function goOnFrom(next: FormValues) {
    if (!conflict) return;
    setBase({ saved: conflict.fresh, version: conflict.version });
    setValues(next);
    setShown({});
    setErrors({});
    router.refresh(); // "Recent changes" and the resolved recipients show their save too
  }
  const countByRole = (role: ReportRole) => users.filter((u) => u.active && u.role === role).length;

  function update<K extends keyof FormValues>(field: K, value: FormValues[K]) {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e));
  }

  function toggleRole(role: ReportRole, checked: boolean) {
    const roles = checked ? [...values.roles, role] : values.roles.filter((r) => r !== role);
    update(
      "roles",
      REPORT_ROLE_ORDER.filter((r) => roles.includes(r)),
    );
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    // a transition of our own instead of the form action: React would reset the controlled fields after it
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setSubmitted(values);
    startTransition(() => formAction(data));
  }

  const outcome: SaveOutcome | null = shown.error
    ? { tone: "error", text: conflict ? "Nothing was saved: these settings changed after you opened them." : shown.error }
    : shown.ok
      ? { tone: "success", text: shown.message }
      : null;
  const dirtySections = editedSections(editedFields);
  const savedRecipientCount = resolveRecipients({
    users,
    roles: base.saved.roles,
    additionalUserIds: base.saved.additionalUserIds,
  }).recipients.length;

  function discard() {
    setValues(base.saved);
    setErrors({});
    setShown({});
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <form ref={formRef} onSubmit={submit} noValidate aria-label="System reports recipients" className="min-w-0 space-y-6">
        <input type="hidden" name={VERSION_FIELD} value={base.version} />
        <fieldset disabled={readOnly} className="min-w-0 space-y-6">
          <SettingsCard
            id="recipients"
            title="Recipients"
            description="Integration reports go to everyone with a checked role, plus the people listed below."
          >
            <fieldset aria-describedby={errors.roles ? "roles-error" : "roles-hint"}>
              <legend className="text-sm font-medium text-slate-800">Roles that receive reports</legend>
              <p id="roles-hint" className="text-xs text-slate-600">
                Everyone with a checked role receives reports. New companies start with company admins only.
              </p>
              <div className="mt-3 grid gap-2 sm:grid-cols-3">
                {REPORT_ROLE_ORDER.map((role) => (
                  <label
                    key={role}
                    className={`flex items-start gap-2.5 rounded-md border px-3 py-2.5 text-sm ${
                      values.roles.includes(role) ? "border-brand-600 bg-brand-50" : "border-slate-300 bg-white"
                    }`}
                  >
                    <input
                      type="checkbox"
                      name={FIELD.roles}
                      value={role}
                      checked={values.roles.includes(role)}
                      onChange={(e) => toggleRole(role, e.target.checked)}
                      className="mt-0.5 h-4 w-4 rounded border-slate-400 accent-brand-600"
                    />
                    <span>
                      <span className="font-medium text-slate-900">{REPORT_ROLE_LABELS[role]}</span>
                      <span className="block text-xs text-slate-600">
                        {countByRole(role) === 1 ? "1 active user" : `${countByRole(role)} active users`}
                      </span>
                    </span>
                  </label>
                ))}
              </div>
              {errors.roles && (
                <p id="roles-error" role="alert" className="mt-2 text-sm font-medium text-red-700">
                  {errors.roles}
                </p>
              )}
            </fieldset>

            <div className="border-t border-slate-100 pt-5">
              <h4 className="text-sm font-semibold text-slate-900">Additional recipients</h4>
              <p className="mb-3 text-xs text-slate-600">
                Specific people of your company — any role, agents included — who receive reports too.
              </p>
              <AvatarsProvider people={users}>
                <AdditionalRecipients
                  users={users}
                  selectedIds={values.additionalUserIds}
                  checkedRoles={values.roles}
                  onChange={(ids) => update("additionalUserIds", ids)}
                  readOnly={readOnly}
                  error={errors.additionalUserIds}
                />
              </AvatarsProvider>
            </div>
          </SettingsCard>

          <EscalationBcc
            value={values.escalationBcc}
            defaultBcc={defaultBcc}
            onChange={(v) => update("escalationBcc", v)}
            readOnly={readOnly}
            error={errors.escalationBcc}
          />

          <NotificationTypes
            syncReportMode={values.syncReportMode}
            digestMinutes={values.mappingDigestMinutes}
            onSyncReportMode={(m) => update("syncReportMode", m)}
            onDigestMinutes={(v) => update("mappingDigestMinutes", v)}
            errors={errors}
          />

          <TimeZone value={values.timeZone} options={timeZones} onChange={(v) => update("timeZone", v)} error={errors.timeZone} />
        </fieldset>

        {!readOnly && (
          <SaveBar
            className="-mx-1 rounded-lg border shadow-md"
            dirtySections={dirtySections}
            outcome={pending ? null : outcome}
            saving={pending}
            saveLabel="Save changes"
            onDiscard={discard}
            actions={<SendTestEmailButton unsaved={dirty} savedRecipientCount={savedRecipientCount} />}
          >
            {conflict && !pending && (
              <div className="mt-3 max-h-[50vh] overflow-y-auto">
                <SettingsConflictNotice
                  conflict={conflict}
                  editedFields={editedFields}
                  onLoadTheirs={() => goOnFrom(conflict.fresh)}
                  onKeepMine={() => goOnFrom(keepEditsOn(conflict.fresh, values, base.saved, defaultBcc))}
                />
              </div>
            )}
          </SaveBar>
        )}
        <LeaveGuard
          active={!readOnly && dirty && !pending}
          ownForm={formRef}
          message={`Your changes to ${dirtySections.join(", ")} haven't been saved and will be lost.`}
        />
      </form>

      <div className="lg:sticky lg:top-6 lg:self-start">
        <AvatarsProvider people={users}>
          <ResolvedRecipients users={users} current={values} saved={base.saved} defaultBcc={defaultBcc} dirty={dirty} />
        </AvatarsProvider>
      </div>
    </div>
  );
}
