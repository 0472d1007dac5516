import { describe, expect, it } from "vitest";
import { DASHBOARD_LIST_COLUMNS, type DashboardListRow } from "@lentera/domain";
import { exportFileName, exportHeader, exportRow, listCsv, listSheet } from "./export-cells";
import { translator } from "./test-translator";

const en = translator("en");
const vi = translator("vi");

function row(overrides: Partial<DashboardListRow> = {}): DashboardListRow {
  return {
    caseId: "11111111-1111-4111-8111-111111111111",
    caseNumber: "LNT-2026-000123",
    alias: "Ani",
    status: "active",
    riskLevel: "high",
    worker: { id: "22222222-2222-4222-8222-222222222222", name: "Dewi" },
    on: "2026-03-02",
    value: 12,
    code: null,
    person: null,
    targetId: null,
    ...overrides,
  };
}

/** The CSV's lines without the BOM and the last line end. */
const lines = (csv: string) => csv.replace(/^\uFEFF/, "").replace(/\r\n$/, "").split("\r\n");

describe("a drill-down list as file cells", () => {
  it("has the page's headers in the reader's language: case number, alias, then the list's columns", () => {
    expect(exportHeader("first_session", en)).toEqual(["Case number", "Alias", "Opened on", "Days to first session", "Primary social worker"]);
    expect(exportHeader("first_session", vi)).toEqual(["Số hồ sơ", "Bí danh", "Ngày mở", "Số ngày đến buổi đầu tiên", "Nhân viên công tác xã hội chính"]);
    expect(exportHeader("overdue_reviews", en)).toHaveLength(2 + DASHBOARD_LIST_COLUMNS.overdue_reviews.length);
  });

  it("words codes and vocabularies as the page does, and keeps days as YYYY-MM-DD", () => {
    expect(exportRow("closed", row({ code: "goals_achieved", on: "2026-04-30" }), en)).toEqual([
      "LNT-2026-000123",
      "Ani",
      "2026-04-30",
      "High",
      "Dewi",
      "Goals achieved",
    ]);
    expect(exportRow("outcome_change", row({ code: "worsened", value: -0.5 }), en)).toEqual(["LNT-2026-000123", "Ani", "Worsened", "2026-03-02", -0.5, "Dewi"]);
    // A flag with two reasons; the sentence-case words start with a capital in a cell.
    expect(exportRow("open_flags", row({ code: "self_harm,unsafe_home" }), en)[3]).toBe("Thoughts of self-harm, unsafe at home");
    // Appointment lists take a kind or a status.
    expect(exportRow("appointments_week", row({ code: "no_show", person: { id: "33333333-3333-4333-8333-333333333333", name: "Budi" } }), en).slice(3, 5)).toEqual(["No-show", "Budi"]);
    expect(exportRow("no_shows", row({ code: "home_visit" }), vi)[3]).toBe(vi("appointments.kind.home_visit"));
    // A code no vocabulary knows is shown as it came.
    expect(exportRow("milestones", row({ code: "someday" }), en)[2]).toBe("someday");
  });

  it("leaves the alias empty for a case outside the viewer's teams, and names a missing worker", () => {
    const cells = exportRow("caseload", row({ alias: null, worker: null }), en);
    expect(cells.slice(0, 2)).toEqual(["LNT-2026-000123", null]);
    expect(cells[4]).toBe("No primary social worker");
    expect(lines(listCsv("caseload", [row({ alias: null, worker: null })], en))[1]).toBe("LNT-2026-000123,,High,Active,No primary social worker,2026-03-02");
  });

  it("neutralizes formulas in the CSV: an alias or a name cannot run in a spreadsheet", () => {
    const rows = [
      row({ alias: '=HYPERLINK("http://evil.example","click")' }),
      row({ alias: "+1" }),
      row({ alias: "-2", worker: { id: "22222222-2222-4222-8222-222222222222", name: "@x" } }),
    ];
    const csv = listCsv("first_session", rows, en);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(lines(csv)).toEqual([
      "Case number,Alias,Opened on,Days to first session,Primary social worker",
      `LNT-2026-000123,"'=HYPERLINK(""http://evil.example"",""click"")",2026-03-02,12,Dewi`,
      "LNT-2026-000123,'+1,2026-03-02,12,Dewi",
      "LNT-2026-000123,'-2,2026-03-02,12,'@x",
    ]);
  });

  it("writes every text as a neutralized String cell in the spreadsheet, numbers as numbers", () => {
    const sheet = listSheet("first_session", [row({ alias: "=1+2" }), row({ alias: "@x", value: null, worker: null })], en);
    expect(sheet[0]?.[0]).toEqual({ type: String, value: "Case number", fontWeight: "bold" });
    expect(sheet[1]).toEqual([
      { type: String, value: "LNT-2026-000123" },
      { type: String, value: "'=1+2" },
      { type: String, value: "2026-03-02" },
      { type: Number, value: 12 },
      { type: String, value: "Dewi" },
    ]);
    expect(sheet[2]?.[1]).toEqual({ type: String, value: "'@x" });
    expect(sheet[2]?.[3]).toBeNull();
    expect(sheet[2]?.[4]).toEqual({ type: String, value: "No primary social worker" });
    // No cell of any type but String and Number: nothing is ever written as a formula.
    const types = new Set(sheet.flat().flatMap((cell) => (cell && typeof cell === "object" && "type" in cell ? [cell.type] : [])));
    expect([...types]).toEqual([String, Number]);
  });

  it("names the file after the list and the period", () => {
    expect(exportFileName("overdue_reviews", { from: "2026-01-01", to: "2026-06-30" }, "xlsx")).toBe("lentera-overdue_reviews-2026-01-01-2026-06-30.xlsx");
  });
});
