import type { ReactNode } from "react";
import { PROVIDER_NAMES, type SyncReportProps } from "../lib/notifications/email-props";
import { syncReportSubject } from "../lib/notifications/email-subjects";
import { countOf, formatCount } from "../lib/notifications/format-count";
import { formatDateTime, formatDuration } from "../lib/notifications/format-time";
import { SYNC_OPERATION_LABELS, syncDirectionText } from "../lib/notifications/reason-text";
import { ActionList } from "./components/action-list";
import { CtaButton } from "./components/cta-button";
import { CellDetail, DataTable } from "./components/data-table";
import { EmailFooter } from "./components/email-footer";
import { EmailShell } from "./components/email-shell";
import { IssueList } from "./components/issue-list";
import { KeyFacts, type Fact } from "./components/key-facts";
import { previewCommon } from "./components/preview-data";
import { SeverityBanner } from "./components/severity-banner";
import { Muted, Paragraph, SectionHeading, TextLink, Title } from "./components/typography";

/* SPEC R28: the report of one completed sync — overview, warnings, failures, follow-ups. */

type FailuresProps = { failures: SyncReportProps["failures"]; more: number; unit: string; recordsUrl: string };

/** The first failures as a table, then how many more and where to see them all. */
function Failures({ failures, more, unit, recordsUrl }: FailuresProps) {
  if (failures.length === 0 && more === 0) return null;
  const total = failures.length + more;
  return (
    <>
      <SectionHeading>
        {more > 0 && failures.length > 0 ? `Failures (${formatCount(failures.length)} of ${formatCount(total)} shown)` : "Failures"}
      </SectionHeading>
      {failures.length > 0 ? (
        <DataTable
          columns={[
            { header: unit === "user" ? "User" : "Record", width: "34%" },
            { header: "Error", width: "66%" },
          ]}
          rows={failures.map((f, i) => ({
            key: `${f.recordId ?? "none"}-${i}`,
            cells: [
              <CellDetail key="id" mono>
                {f.recordId ?? "—"}
              </CellDetail>,
              <>
                <CellDetail mono>
                  <strong>{f.code}</strong>
                </CellDetail>
                {f.message}
              </>,
            ],
          }))}
        />
      ) : null}
      {more > 0 ? (
        <Paragraph>
          {failures.length > 0 ? `And ${formatCount(more)} more — ` : `${countOf(more, `failed ${unit}`)} — `}
          <TextLink href={recordsUrl}>{`see every failed ${unit}`}</TextLink>
        </Paragraph>
      ) : null}
    </>
  );
}

export function SyncReportEmail(props: SyncReportProps) {
  const { provider, company, operation, counts, warnings, failures, view } = props;
  const crm = PROVIDER_NAMES[provider];
  const tz = company.timeZone;
  const label = SYNC_OPERATION_LABELS[operation];
  const unit = operation === "users.sync" ? "user" : "record";
  const headline = operation === "zoho_views.pull" && view ? `${crm} view “${view.name}” pulled` : `${crm} ${label} finished`;
  const summary = `${formatCount(counts.processed)} processed, ${counts.failed > 0 ? `${formatCount(counts.failed)} failed` : "none failed"}`;
  const troubled = counts.failed > 0 || warnings.length > 0;
  const duration = formatDuration(props.startedAt, props.finishedAt);

  const facts: Fact[] = [
    { label: "CRM", value: crm },
    { label: "Operation", value: `${label[0].toUpperCase()}${label.slice(1)}: ${syncDirectionText(operation, crm)}` },
  ];
  if (view) facts.push({ label: "View", value: <>“{view.name}” <CellDetail mono>id {view.id}</CellDetail></> });
  facts.push(
    { label: "Started", value: formatDateTime(props.startedAt, tz) },
    { label: "Finished", value: `${formatDateTime(props.finishedAt, tz)}${duration ? ` — took ${duration}` : ""}` },
  );

  const overview: Fact[] = [
    { label: "Processed", value: formatCount(counts.processed) },
    { label: "Created", value: formatCount(counts.created) },
    { label: "Updated", value: formatCount(counts.updated) },
    { label: "Skipped", value: formatCount(counts.skipped) },
    { label: "Failed", value: counts.failed > 0 ? <strong>{formatCount(counts.failed)}</strong> : "0" },
  ];

  const actions: ReactNode[] = [...props.followUps];
  if (counts.failed > 0) {
    actions.push(
      <>
        Review the {countOf(counts.failed, `failed ${unit}`)} in the{" "}
        <TextLink href={props.recordsUrl}>list of affected records</TextLink> and fix them in Switchboard or {crm} so the
        next sync picks them up.
      </>,
    );
  }
  if (warnings.length > 0) actions.push("Check the warnings above: they point at settings or data that will keep causing failures.");
  if (actions.length === 0) {
    actions.push(
      "Nothing to do: this is a routine report.",
      <>
        To be told only about runs with failures or warnings, set data-sync reports to “only with failures” in{" "}
        <TextLink href={props.reportSettingsUrl}>Report settings</TextLink>.
      </>,
    );
  }

  return (
    <EmailShell
      title={syncReportSubject(props)}
      preview={`${headline}: ${summary}${warnings.length ? `, ${countOf(warnings.length, "warning")}` : ""}. Finished ${formatDateTime(props.finishedAt, tz)}.`}
      companyName={company.name}
      provider={provider}
      footer={
        <EmailFooter
          reason={props.reason}
          companyName={company.name}
          reportSettingsUrl={props.reportSettingsUrl}
          note="Data-sync reports can be limited to runs with failures, or turned off, in Report settings."
        />
      }
      galleryPreview={props.galleryPreview}
    >
      {troubled ? (
        <SeverityBanner level="warning">
          {`${counts.failed > 0 ? `${formatCount(counts.failed)} of ${countOf(counts.processed, unit)} failed` : "No failures"}${warnings.length ? ` and ${countOf(warnings.length, "warning")}` : ""}. Details and follow-ups below.`}
        </SeverityBanner>
      ) : (
        <SeverityBanner level="info" label="Completed">
          {`Finished without failures or warnings: ${countOf(counts.processed, unit)} processed.`}
        </SeverityBanner>
      )}
      <Title>{`${headline}: ${summary}`}</Title>
      <Paragraph>
        {view
          ? `Switchboard pulled the ${crm} view “${view.name}” for ${company.name} and finished on ${formatDateTime(props.finishedAt, tz)}.`
          : `The ${label} between Switchboard and ${crm} for ${company.name} finished on ${formatDateTime(props.finishedAt, tz)}.`}
      </Paragraph>
      <KeyFacts facts={facts} />

      <SectionHeading>Overview</SectionHeading>
      <KeyFacts facts={overview} />

      {warnings.length > 0 ? (
        <>
          <SectionHeading>Warnings</SectionHeading>
          <IssueList
            issues={warnings.map((w, i) => ({
              key: `${w.code}-${i}`,
              code: w.code,
              count: w.count !== undefined ? countOf(w.count, unit) : undefined,
              detail: w.message,
            }))}
          />
        </>
      ) : null}

      <Failures failures={failures} more={props.moreFailures} unit={unit} recordsUrl={props.recordsUrl} />

      <ActionList title={props.followUps.length > 0 ? "Required follow-ups" : "What to do"} actions={actions} />
      <CtaButton href={props.reportUrl}>Open the full report</CtaButton>
      {counts.failed > 0 ? (
        <Muted>
          Or go straight to the <TextLink href={props.recordsUrl}>affected records</TextLink>.
        </Muted>
      ) : null}
    </EmailShell>
  );
}

SyncReportEmail.PreviewProps = {
  ...previewCommon(),
  provider: "salesforce",
  operation: "contacts.push",
  startedAt: "2026-11-27T13:52:10Z",
  finishedAt: "2026-11-27T13:59:48Z",
  counts: { processed: 1240, created: 310, updated: 902, skipped: 12, failed: 16 },
  warnings: [
    { code: "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", message: "Race: bad value for restricted picklist field", count: 11 },
    { code: "REQUIRED_FIELD_MISSING", message: "Required fields are missing: [LastName]", count: 5 },
  ],
  failures: [{ recordId: "003Hs00000Qx1AB", code: "REQUIRED_FIELD_MISSING", message: "Required fields are missing: [LastName]" }],
  moreFailures: 15,
  followUps: ["Add the missing picklist value 'Other' to Race__c or map it to an allowed value."],
  reportUrl: "http://localhost:3000/notifications/ntf_preview_sync",
  recordsUrl: "http://localhost:3000/notifications/ntf_preview_sync/records",
} satisfies SyncReportProps;

export default SyncReportEmail;
