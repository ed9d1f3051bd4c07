/*
 * CSV of a notification's affected records (docs/product R27), RFC 4180: every field
 * quoted, quotes doubled, CRLF line ends. Values come from CRM events, so a
 * cell that a spreadsheet would read as a formula gets a leading apostrophe
 * and stays text (OWASP's CSV-injection list): one that starts with a tab,
 * CR or LF, or whose first character after any leading whitespace is = + - @
 * or one of their full-width (＝ ＋ － ＠) or small (﹦ ﹢ ﹣ ﹫) forms, since
 * spreadsheets skip the whitespace and fold those forms to ASCII.
 */

const FORMULA_START = /^(?:[\t\r\n]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B])/;

export type CsvRecord = {
  recordId: string | null;
  recordName: string | null;
  recordEmail: string | null;
  field: string | null;
  crmProperty: string | null;
  code: string;
  message: string;
};

const COLUMNS: [keyof CsvRecord, string][] = [
  ["recordId", "Record ID"],
  ["recordName", "Name"],
  ["recordEmail", "Email"],
  ["field", "Switchboard field"],
  ["crmProperty", "CRM property"],
  ["code", "Error code"],
  ["message", "Message"],
];

export function csvCell(value: string | null | undefined): string {
  let text = value ?? "";
  if (FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvHeader(): string {
  return `${COLUMNS.map(([, label]) => csvCell(label)).join(",")}\r\n`;
}

export function csvRow(record: CsvRecord): string {
  return `${COLUMNS.map(([key]) => csvCell(record[key])).join(",")}\r\n`;
}

export function recordsCsv(records: CsvRecord[]): string {
  return csvHeader() + records.map(csvRow).join("");
}
