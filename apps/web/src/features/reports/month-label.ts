/** "2026-03" as the reader says it ("March 2026", "Maret 2026", "tháng 3 năm 2026"); anything else as it came. */
export function monthLabel(yearMonth: string, locale: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(yearMonth)) return yearMonth;
  return new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${yearMonth}-01T00:00:00Z`));
}
