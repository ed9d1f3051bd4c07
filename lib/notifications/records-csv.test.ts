import { describe, expect, it } from "vitest";
import { csvCell, recordsCsv } from "./records-csv";

describe("records CSV", () => {
  it("quotes every cell and doubles quotes; newlines and commas stay inside the cell", () => {
    expect(csvCell('Property "sales_region_2019" does not exist')).toBe('"Property ""sales_region_2019"" does not exist"');
    expect(csvCell("a,b\nc")).toBe('"a,b\nc"');
    expect(csvCell(null)).toBe('""');
  });

  it("neutralises spreadsheet formulas", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("+1 555")).toBe("\"'+1 555\"");
    expect(csvCell("-5")).toBe("\"'-5\"");
    expect(csvCell("@SUM(A1)")).toBe("\"'@SUM(A1)\"");
  });

  it("has a header row and CRLF line ends", () => {
    const csv = recordsCsv([
      { recordId: "c_1", recordName: "<img src=x onerror=alert(1)>", recordEmail: null, field: "email", crmProperty: "email", code: "INVALID_EMAIL", message: "bad" },
    ]);
    expect(csv).toBe(
      '"Record ID","Name","Email","Switchboard field","CRM property","Error code","Message"\r\n' +
        '"c_1","<img src=x onerror=alert(1)>","","email","email","INVALID_EMAIL","bad"\r\n',
    );
  });
});
