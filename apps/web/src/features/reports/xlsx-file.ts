import type { SheetData } from "write-excel-file/browser";

/**
 * An .xlsx file from sheet data. write-excel-file arrives only when a user asks for a spreadsheet
 * (a dynamic import): the first screen does not carry it.
 */
export async function xlsxBlob(sheet: SheetData, sheetName: string, columnCount: number): Promise<Blob> {
  const { default: writeXlsxFile } = await import("write-excel-file/browser");
  return writeXlsxFile(sheet, {
    // Excel refuses sheet names over 31 characters.
    sheet: sheetName.slice(0, 31),
    stickyRowsCount: 1,
    columns: Array.from({ length: columnCount }, () => ({ width: 22 })),
  }).toBlob();
}
