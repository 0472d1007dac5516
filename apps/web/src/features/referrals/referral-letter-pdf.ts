/**
 * Draws a referral letter PDF in the browser and hands it over as a download. pdfmake and its
 * fonts arrive only here, when a user asks for a letter (as for the case summary).
 */
import { saveFile } from "../reports/save-file";
import { referralLetterDocument, referralLetterFileName, type LetterWords, type ReferralLetter } from "./referral-letter-document";

/** A CommonJS module's value, whether the bundler hands it over as `default` or as the namespace. */
function moduleValue<T>(module: T | { default: T }): T {
  return typeof module === "object" && module !== null && "default" in module ? module.default : module;
}

export async function downloadReferralLetter(letter: ReferralLetter, words: LetterWords): Promise<void> {
  const [pdfMakeModule, fontsModule] = await Promise.all([import("pdfmake/build/pdfmake"), import("pdfmake/build/vfs_fonts")]);
  const pdfMake = moduleValue(pdfMakeModule);
  pdfMake.addVirtualFileSystem(moduleValue(fontsModule));
  const blob = await pdfMake.createPdf(referralLetterDocument(letter, words)).getBlob();
  saveFile(blob, referralLetterFileName(letter));
}
