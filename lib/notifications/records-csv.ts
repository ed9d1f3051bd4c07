/*
 * CSV of a notification's affected records (SPEC R27), RFC 4180: every field
 * quoted, quotes doubled, CRLF line ends. Values come from CRM events, so a
 * cell that a spreadsheet would read as a formula (=, +, -, @, tab, CR) gets
 * a leading apostrophe and stays text.
 */

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
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
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
