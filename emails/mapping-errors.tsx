import type { MappingErrorRecord, MappingErrorsProps } from "../lib/notifications/email-props";
import { PROVIDER_NAMES } from "../lib/integrations/providers";
import { mappingErrorsSubject } from "../lib/notifications/email-subjects";
import { countOf, formatCount } from "../lib/notifications/format-count";
import { formatDateTime } from "../lib/format/date-time";
import { tipFor } from "../lib/notifications/mapping-tips";
import { coverageOf, isPartial, partialDetailSentence, recordsLinkText, type RecordCoverage } from "../lib/notifications/record-coverage";
import { ActionList } from "./components/action-list";
import { CtaButton } from "./components/cta-button";
import { CellDetail, DataTable } from "./components/data-table";
import { EmailFooter } from "./components/email-footer";
import { EmailShell } from "./components/email-shell";
import { ErrorGroups } from "./components/error-groups";
import { KeyFacts } from "./components/key-facts";
import { previewCommon } from "./components/preview-data";
import { SeverityBanner } from "./components/severity-banner";
import { Muted, Paragraph, SectionHeading, TextLink, Title } from "./components/typography";

/* docs/product R23, R28: a digest of contact mapping errors — grouped by code with a tip
   each, the first 25 affected records, and a link to all of them. The call to
   action follows the first paragraph, so it is on a phone's first screen. A CRM
   may report more failed records than it details: the email says how many it
   detailed, and never promises rows that do not exist (record-coverage.ts). */

/** "lead_status → hs_lead_status" in the direction the data moved. */
function mappingOf(record: MappingErrorRecord, direction: MappingErrorsProps["direction"]): string | undefined {
  if (!record.field || !record.crmProperty) return record.crmProperty ?? record.field;
  return direction === "push" ? `${record.field} → ${record.crmProperty}` : `${record.crmProperty} → ${record.field}`;
}

/* Who, then what went wrong: the code, the CRM's message, and the field mapping involved. */
function recordRow(record: MappingErrorRecord, index: number, direction: MappingErrorsProps["direction"]) {
  const mapping = mappingOf(record, direction);
  return {
    key: `${record.recordId}-${index}`,
    cells: [
      <>
        <strong>{record.recordName || record.recordId}</strong>
        {record.recordEmail ? <CellDetail>{record.recordEmail}</CellDetail> : null}
        {record.recordName ? <CellDetail mono>{record.recordId}</CellDetail> : null}
      </>,
      <>
        <CellDetail mono>
          <strong>{record.code}</strong>
        </CellDetail>
        {record.message}
        {mapping ? <CellDetail mono>{mapping}</CellDetail> : null}
      </>,
    ],
  };
}

export function MappingErrorsEmail(props: MappingErrorsProps) {
  const { provider, company, direction, groups, records } = props;
  const crm = PROVIDER_NAMES[provider];
  const tz = company.timeZone;
  const failed = countOf(props.totalRecords, props.object);
  const what = direction === "push" ? `could not be pushed to ${crm}` : `could not be pulled from ${crm}`;
  const first = formatDateTime(props.firstAt, tz);
  const last = formatDateTime(props.lastAt, tz);
  const top = groups[0];
  const nouns = props.object === "lead" ? { singular: "lead", plural: "leads" } : { singular: "contact", plural: "contacts" };
  const plural = nouns.plural;
  const coverage = coverageOf(props.totalRecords, props.detailedRecords, records.length);
  const partial = isPartial(coverage);
  const moreDetailed = coverage.detailed - coverage.listed;
  const when = props.firstAt === props.lastAt ? `On ${first}` : `Between ${first} and ${last}`;
  const merged = props.eventCount > 1 ? ` (${formatCount(props.eventCount)} error reports merged into this email)` : "";
  const moved = direction === "push" ? "write to it" : "read from it";

  return (
    <EmailShell
      title={mappingErrorsSubject(props)}
      preview={`${failed} ${what} (${countOf(groups.length, "error type")}).${top ? ` Most common: ${top.code} (${formatCount(top.count)}).` : ""}`}
      companyName={company.name}
      provider={provider}
      footer={
        <EmailFooter
          reason={props.reason}
          companyName={company.name}
          reportSettingsUrl={props.reportSettingsUrl}
          note="Mapping errors that arrive close together are merged into one digest; the window is set in Report settings."
        />
      }
      galleryPreview={props.galleryPreview}
    >
      <SeverityBanner level="warning">
        {`${failed} ${what}. Those records are out of sync until the errors below are fixed; other records keep syncing.`}
      </SeverityBanner>
      <Title>{`${failed} ${what}`}</Title>
      <Paragraph>
        {partial
          ? `${when}, ${crm} rejected ${plural} that Switchboard tried to ${moved}${merged}. ${partialDetailSentence(coverage, crm, nouns, "email")}`
          : `${when}, ${crm} rejected ${failed} that Switchboard tried to ${moved}${merged}.`}
      </Paragraph>
      <CtaButton href={props.recordsUrl}>{`Review ${recordsLinkText(coverage, nouns)}`}</CtaButton>
      <Muted>
        Or go straight to <TextLink href={props.mappingUrl}>{crm} Contact Property Mapping</TextLink>.
      </Muted>
      <Paragraph>
        {direction === "push"
          ? `Changes to these ${plural} made in Switchboard are missing in ${crm}.`
          : `These ${plural} were not created or updated in Switchboard, so agents may see outdated details or not find them.`}
      </Paragraph>

      <KeyFacts
        facts={[
          { label: "CRM", value: crm },
          { label: "Direction", value: direction === "push" ? `Switchboard → ${crm} (push)` : `${crm} → Switchboard (pull)` },
          { label: "First error", value: first },
          { label: "Last error", value: last },
          { label: "Affected", value: `${failed}, ${countOf(groups.length, "error type")}` },
          ...(partial ? [{ label: "Details", value: `${formatCount(coverage.detailed)} of ${failed}` }] : []),
        ]}
      />

      <SectionHeading>Errors by type</SectionHeading>
      <ErrorGroups groups={groups} totalRecords={props.totalRecords} noun={plural} />

      <SectionHeading>{recordsHeading(coverage)}</SectionHeading>
      <DataTable
        columns={[
          { header: "Record", width: "40%" },
          { header: "Problem", width: "60%" },
        ]}
        rows={records.map((record, index) => recordRow(record, index, direction))}
      />
      {moreDetailed > 0 ? (
        <Paragraph>
          {`And ${formatCount(moreDetailed)} more${partial ? " with details" : ""} — `}
          <TextLink href={props.recordsUrl}>{`see ${recordsLinkText(coverage, nouns)} in Switchboard`}</TextLink>
        </Paragraph>
      ) : null}
      {partial ? (
        <Muted>
          {`${crm} sent no details for the other ${countOf(coverage.reported - coverage.detailed, nouns.singular, plural)}, so Switchboard cannot list them; they often fail for the same reasons as those above.`}
        </Muted>
      ) : null}

      <ActionList
        actions={[
          "Open the affected records and filter by error code; the CSV download helps with bulk fixes.",
          <>
            Fix each error type as its tip says: correct the values in Switchboard or {crm}, or change the row in{" "}
            <TextLink href={props.mappingUrl}>Contact Property Mapping</TextLink>.
          </>,
          "Fixed records sync again with their next change; any that still fail appear in a new digest.",
        ]}
      />
    </EmailShell>
  );
}

/** "Affected records (first 25 of 2,000)", or "… with details (5 of 250)" when the CRM detailed only some. */
function recordsHeading(c: RecordCoverage): string {
  if (isPartial(c)) {
    return c.listed < c.detailed
      ? `Affected records with details (first ${formatCount(c.listed)} of ${formatCount(c.detailed)})`
      : `Affected records with details (${formatCount(c.detailed)} of ${formatCount(c.reported)})`;
  }
  return c.listed < c.detailed ? `Affected records (first ${formatCount(c.listed)} of ${formatCount(c.detailed)})` : "Affected records";
}

const hubspotErrors: MappingErrorRecord[] = [
  {
    recordId: "c_1001",
    recordName: "Dana Whitfield",
    recordEmail: "dana@northwind.example",
    field: "lead_status",
    crmProperty: "hs_lead_status",
    code: "INVALID_OPTION",
    message: "Hot-ish was not one of the allowed options: [NEW, OPEN, IN_PROGRESS, OPEN_DEAL, UNQUALIFIED]",
  },
  {
    recordId: "c_1002",
    recordName: "Luis Ortega",
    field: "employees",
    crmProperty: "custom_hubspot_numeric",
    code: "INVALID_LONG",
    message: "1/1/1 was not a valid long.",
  },
  {
    recordId: "c_1003",
    recordName: "Priya Raman",
    field: "region",
    crmProperty: "sales_region_2019",
    code: "PROPERTY_DOESNT_EXIST",
    message: 'Property "sales_region_2019" does not exist',
  },
  {
    recordId: "c_1004",
    recordName: "Tom Becker",
    field: "created_at",
    crmProperty: "createdate",
    code: "READ_ONLY_VALUE",
    message: "createdate is a read only property; its value cannot be set.",
  },
  {
    recordId: "c_1005",
    recordName: "no-reply",
    recordEmail: "no-reply@@acme",
    field: "email",
    crmProperty: "email",
    code: "INVALID_EMAIL",
    message: "Email address no-reply@@acme is invalid",
  },
];

MappingErrorsEmail.PreviewProps = {
  ...previewCommon(),
  provider: "hubspot",
  direction: "push",
  object: "contact",
  firstAt: "2026-11-27T13:00:00Z",
  lastAt: "2026-11-27T13:00:00Z",
  eventCount: 1,
  totalRecords: 250,
  groups: ["INVALID_OPTION", "INVALID_LONG", "PROPERTY_DOESNT_EXIST", "READ_ONLY_VALUE", "INVALID_EMAIL"].map((code) => ({
    code,
    count: 1,
    tip: tipFor(code),
  })),
  detailedRecords: 5,
  records: hubspotErrors,
  recordsUrl: "http://localhost:3000/notifications/ntf_preview_mapping/records",
  mappingUrl: "http://localhost:3000/integrations/hubspot/settings/mapping",
} satisfies MappingErrorsProps;

export default MappingErrorsEmail;
