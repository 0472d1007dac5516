/**
 * Draws the case summary PDF in the browser and hands it over as a download. pdfmake (its browser
 * build) and its Roboto fonts, which cover Vietnamese and Indonesian text, arrive only here, when a
 * user asks for a summary: they are megabytes the first screen must never carry.
 */
import type { CaseSummary } from "@lentera/domain";
import { caseSummaryDocument, caseSummaryFileName, type SummaryWords } from "./case-summary-document";
import { saveFile } from "./save-file";

/** A CommonJS module's value, whether the bundler hands it over as `default` or as the namespace. */
function moduleValue<T>(module: T | { default: T }): T {
  return typeof module === "object" && module !== null && "default" in module ? module.default : module;
}

export async function downloadCaseSummary(summary: CaseSummary, words: SummaryWords): Promise<void> {
  const [pdfMakeModule, fontsModule] = await Promise.all([import("pdfmake/build/pdfmake"), import("pdfmake/build/vfs_fonts")]);
  const pdfMake = moduleValue(pdfMakeModule);
  pdfMake.addVirtualFileSystem(moduleValue(fontsModule));
  const blob = await pdfMake.createPdf(caseSummaryDocument(summary, words)).getBlob();
  saveFile(blob, caseSummaryFileName(summary.case.caseNumber));
}
