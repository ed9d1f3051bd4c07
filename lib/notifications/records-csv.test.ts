import { describe, expect, it } from "vitest";
import { csvCell, recordsCsv } from "./records-csv";

describe("records CSV", () => {
  it("quotes every cell and doubles quotes; newlines and commas stay inside the cell", () => {
    expect(csvCell('Property "sales_region_2019" does not exist')).toBe('"Property ""sales_region_2019"" does not exist"');
    expect(csvCell("a,b\nc")).toBe('"a,b\nc"');
    expect(csvCell(null)).toBe('""');
  });

  it("neutralises spreadsheet formulas", () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("+1 555")).toBe('"\'+1 555"');
    expect(csvCell("-5")).toBe('"\'-5"');
    expect(csvCell("@SUM(A1)")).toBe('"\'@SUM(A1)"');
  });

  it.each([
    ["a tab", "\t=1+1"],
    ["a carriage return", "\r=1+1"],
    ["a line feed", "\n=1+1"],
    ["a space before =", " =HYPERLINK(1)"],
    ["spaces and a tab before +", "  \t+1"],
    ["a line feed before -", "\n-2+3"],
    ["a no-break space before @", "\u00a0@SUM(A1)"],
    ["an ideographic space before =", "\u3000=1"],
    ["full-width =", '＝HYPERLINK("http://x")'],
    ["full-width +", "＋1"],
    ["full-width -", "－1"],
    ["full-width @", "＠SUM(A1)"],
    ["a space before full-width =", " ＝1"],
    ["small =", "\ufe66cmd"],
    ["small + and -", "\ufe62\ufe63"],
    ["small @", "\ufe6bSUM(A1)"],
  ])("neutralises a cell starting with %s", (_label, value) => {
    expect(csvCell(value)).toBe(`"'${value.replace(/"/g, '""')}"`);
  });

  it("leaves ordinary text alone, leading spaces included", () => {
    expect(csvCell(" Ada Lovelace")).toBe('" Ada Lovelace"');
    expect(csvCell("ada@example.com")).toBe('"ada@example.com"');
    expect(csvCell("a = b")).toBe('"a = b"');
    expect(csvCell("INVALID_EMAIL")).toBe('"INVALID_EMAIL"');
  });

  it("has a header row and CRLF line ends", () => {
    const csv = recordsCsv([
      {
        recordId: "c_1",
        recordName: "<img src=x onerror=alert(1)>",
        recordEmail: null,
        field: "email",
        crmProperty: "email",
        code: "INVALID_EMAIL",
        message: "bad",
      },
    ]);
    expect(csv).toBe(
      '"Record ID","Name","Email","Switchboard field","CRM property","Error code","Message"\r\n' +
        '"c_1","<img src=x onerror=alert(1)>","","email","email","INVALID_EMAIL","bad"\r\n',
    );
  });
});
