/**
 * A drill-down list as the cells of a file: the translated header, then one row per list row with
 * the same words the page shows. Pure, so the formula neutralization can be tested: every text a
 * user typed (an alias, a name) reaches a spreadsheet only through toCsv()/neutralizeCell().
 */
import { neutralizeCell, toCsv, type DashboardFilter, type DashboardList, type DashboardListRow } from "@lentera/domain";
import type { SheetData } from "write-excel-file/browser";
import { ALIAS_HEADER, CASE_NUMBER_HEADER, cellValue, headerKey, listColumns, type CellValue, type Translate } from "./list-columns";

export function exportHeader(list: DashboardList, t: Translate): string[] {
  return [t(CASE_NUMBER_HEADER), t(ALIAS_HEADER), ...listColumns(list).map((column) => t(headerKey(list, column)))];
}

/** One row's cells; a case the viewer may not open has no alias (the server sends none). */
export function exportRow(list: DashboardList, row: DashboardListRow, t: Translate): CellValue[] {
  return [row.caseNumber, row.alias, ...listColumns(list).map((column) => cellValue(list, column, row, t))];
}

export function listCsv(list: DashboardList, rows: readonly DashboardListRow[], t: Translate): string {
  return toCsv(
    exportHeader(list, t),
    rows.map((row) => exportRow(list, row, t)),
  );
}

/** A cell for write-excel-file: text always as a String cell (never a formula), neutralized. */
function sheetCell(value: CellValue, bold = false): SheetData[number][number] {
  if (value === null) return null;
  if (typeof value === "number") return { type: Number, value };
  return { type: String, value: neutralizeCell(value), ...(bold ? { fontWeight: "bold" as const } : {}) };
}

export function listSheet(list: DashboardList, rows: readonly DashboardListRow[], t: Translate): SheetData {
  return [exportHeader(list, t).map((text) => sheetCell(text, true)), ...rows.map((row) => exportRow(list, row, t).map((value) => sheetCell(value)))];
}

/** lentera-<list>-<from>-<to>.<extension>: what, and over which period. */
export function exportFileName(name: string, filter: Pick<DashboardFilter, "from" | "to">, extension: "csv" | "xlsx"): string {
  return `lentera-${name}-${filter.from}-${filter.to}.${extension}`;
}
