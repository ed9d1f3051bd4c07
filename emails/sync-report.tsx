import type { ReactNode } from "react";
import type { SyncReportProps } from "../lib/notifications/email-props";
import { PROVIDER_NAMES } from "../lib/integrations/providers";
import { syncReportSubject } from "../lib/notifications/email-subjects";
import { countOf, formatCount } from "../lib/notifications/format-count";
import { formatDateTime, formatDuration } from "../lib/format/date-time";
import { SYNC_OPERATION_LABELS, syncDirectionText } from "../lib/notifications/reason-text";
import { ActionList } from "./components/action-list";
import { CtaButton } from "./components/cta-button";
import { CellDetail, DataTable } from "./components/data-table";
import { EmailFooter } from "./components/email-footer";
import { EmailShell } from "./components/email-shell";
import { IssueList } from "./components/issue-list";
import { KeyFacts, type Fact } from "./components/key-facts";
import { coverageOf, isPartial, partialDetailSentence, recordsLinkText, type RecordCoverage } from "../lib/notifications/record-coverage";
import { previewCommon } from "./components/preview-data";
import { SeverityBanner } from "./components/severity-banner";
import { Muted, Paragraph, SectionHeading, TextLink, Title } from "./components/typography";

/* docs/product R28: the report of one completed sync — overview, warnings, failures,
   follow-ups, with the call to action after the first paragraph. A CRM may
   count more failures than it details: the email says how many it detailed
   and links only to rows that exist (record-coverage.ts). */

type Nouns = { singular: string; plural: string };
type FailuresProps = { failures: SyncReportProps["failures"]; coverage: RecordCoverage; crm: string; nouns: Nouns; recordsUrl: string };

/** The first detailed failures as a table, then how many more have details and where, or that the rest have none. */
function Failures({ failures, coverage, crm, nouns, recordsUrl }: FailuresProps) {
  if (coverage.reported === 0) return null;
  const partial = isPartial(coverage);
  const moreDetailed = coverage.detailed - coverage.listed;
  const heading =
    moreDetailed > 0
      ? `Failures (first ${formatCount(coverage.listed)} of ${formatCount(coverage.detailed)}${partial ? " with details" : ""})`
      : partial && coverage.detailed > 0
        ? `Failures with details (${formatCount(coverage.detailed)} of ${formatCount(coverage.reported)})`
        : "Failures";
  return (
    <>
      <SectionHeading>{heading}</SectionHeading>
      {failures.length > 0 ? (
        <DataTable
          columns={[
            { header: nouns.singular === "user" ? "User" : "Record", width: "34%" },
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
      {moreDetailed > 0 ? (
        <Paragraph>
          {`And ${formatCount(moreDetailed)} more${partial ? " with details" : ""} — `}
          <TextLink href={recordsUrl}>{`see ${recordsLinkText(coverage, nouns)} in Switchboard`}</TextLink>
        </Paragraph>
      ) : null}
      {partial ? (
        <Muted>
          {coverage.detailed === 0
            ? partialDetailSentence(coverage, crm, nouns, "email")
            : `${crm} sent no details for the other ${countOf(coverage.reported - coverage.detailed, nouns.singular, nouns.plural)}, so Switchboard cannot list them.`}
        </Muted>
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
  const nouns = { singular: unit, plural: `${unit}s` };
  const headline = operation === "zoho_views.pull" && view ? `${crm} view “${view.name}” pulled` : `${crm} ${label} finished`;
  const summary = `${formatCount(counts.processed)} processed, ${counts.failed > 0 ? `${formatCount(counts.failed)} failed` : "none failed"}`;
  const troubled = counts.failed > 0 || warnings.length > 0;
  const duration = formatDuration(props.startedAt, props.finishedAt);
  const coverage = coverageOf(counts.failed, props.detailedFailures, failures.length);
  const recordsLink = coverage.detailed > 0 ? <TextLink href={props.recordsUrl}>{recordsLinkText(coverage, nouns)}</TextLink> : null;

  const facts: Fact[] = [
    { label: "CRM", value: crm },
    { label: "Operation", value: `${label[0].toUpperCase()}${label.slice(1)}: ${syncDirectionText(operation, crm)}` },
  ];
  if (view)
    facts.push({
      label: "View",
      value: (
        <>
          “{view.name}” <CellDetail mono>id {view.id}</CellDetail>
        </>
      ),
    });
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
  if (recordsLink) {
    const one = coverage.detailed === 1;
    actions.push(
      <>
        Open {recordsLink} and fix {one ? "it" : "each one"} in Switchboard or {crm} so the next sync picks {one ? "it" : "them"} up.
      </>,
    );
  } else if (counts.failed > 0) {
    actions.push(`${crm} sent no details for the ${countOf(counts.failed, `failed ${unit}`)}, so look for them in ${crm}.`);
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

  const finished = view
    ? `Switchboard pulled the ${crm} view “${view.name}” for ${company.name} and finished on ${formatDateTime(props.finishedAt, tz)}.`
    : `The ${label} between Switchboard and ${crm} for ${company.name} finished on ${formatDateTime(props.finishedAt, tz)}.`;

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
        {finished}
        {isPartial(coverage) && coverage.detailed > 0 ? ` ${partialDetailSentence(coverage, crm, nouns, "email")}` : null}
      </Paragraph>
      <CtaButton href={props.reportUrl}>Open the full report</CtaButton>
      {recordsLink ? <Muted>Or go straight to {recordsLink}.</Muted> : null}

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

      <Failures failures={failures} coverage={coverage} crm={crm} nouns={nouns} recordsUrl={props.recordsUrl} />

      <ActionList title={props.followUps.length > 0 ? "Required follow-ups" : "What to do"} actions={actions} />
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
  detailedFailures: 1,
  followUps: ["Add the missing picklist value 'Other' to Race__c or map it to an allowed value."],
  reportUrl: "http://localhost:3000/notifications/ntf_preview_sync",
  recordsUrl: "http://localhost:3000/notifications/ntf_preview_sync/records",
} satisfies SyncReportProps;

export default SyncReportEmail;
