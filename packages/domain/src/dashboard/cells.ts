import { SMALL_CELL_THRESHOLD, type AgeGroup } from "./vocabulary";

/**
 * A spreadsheet runs a cell that starts with =, +, - or @ (or a tab or carriage return followed by
 * one) as a formula: a value a user typed (an alias, a reason) must never run on a reader's
 * machine. Such text gets a leading apostrophe (OWASP's advice for CSV injection).
 */
export function neutralizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV field (RFC 4180): neutralized, quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  const safe = neutralizeCell(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A whole CSV document: a header row and the rows, CRLF line ends, with a BOM so spreadsheets read UTF-8. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** A count as the statistics show it: null means "fewer than SMALL_CELL_THRESHOLD, not zero". */
export type SuppressedCount = number | null;

/**
 * Suppresses small cells in one breakdown: counts from 1 to SMALL_CELL_THRESHOLD - 1 become null.
 * When the breakdown's cells add up to a published total and exactly one cell was suppressed, the
 * total would give it away, so the next smallest non-zero cell is suppressed too (complementary
 * suppression). Zero stays zero: "no case" discloses no one.
 */
export function suppressSmallCells(counts: readonly number[], addsUpToPublishedTotal: boolean): SuppressedCount[] {
  const small = (count: number) => count > 0 && count < SMALL_CELL_THRESHOLD;
  const result: SuppressedCount[] = counts.map((count) => (small(count) ? null : count));
  if (addsUpToPublishedTotal && result.filter((count) => count === null).length === 1) {
    let smallest = -1;
    result.forEach((count, index) => {
      if (count !== null && count > 0 && (smallest < 0 || count < (result[smallest] ?? Infinity))) smallest = index;
    });
    if (smallest >= 0) result[smallest] = null;
  }
  return result;
}

/** A total as published: suppressed when small. */
export function suppressTotal(count: number): SuppressedCount {
  return count > 0 && count < SMALL_CELL_THRESHOLD ? null : count;
}

/** Whole years from a birth date to a day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, onDay: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [y, m, d] = onDay.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The age group at a case's opening, from the birth date or, failing it, the estimated age. */
export function ageGroup(age: number | null): AgeGroup {
  if (age === null || age < 0) return "unknown";
  if (age <= 11) return "0-11";
  if (age <= 14) return "12-14";
  if (age <= 17) return "15-17";
  if (age <= 24) return "18-24";
  return "25+";
}
