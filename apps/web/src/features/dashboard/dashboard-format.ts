import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { isLocale } from "../../i18n";
import { dateFormatters } from "../cases/format";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const monthDate = (yearMonth: string) => new Date(`${yearMonth}-01T00:00:00Z`);

/** The dashboard's numbers, shares, months and days in the reader's language (1.234 and 45 % in Bahasa Indonesia). */
export function dashboardFormatters(locale: string) {
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const share = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const longMonth = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" });
  const shortMonth = new Intl.DateTimeFormat(locale, { month: "short", year: "2-digit", timeZone: "UTC" });
  const withWeekday = new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const dates = dateFormatters(locale);
  return {
    count: (value: number) => integer.format(value),
    /** A median of days can fall between two whole days. */
    days: (value: number) => decimal.format(value),
    /** A share from 0 to 1. */
    percent: (value: number) => share.format(value),
    /** "2026-03": "March 2026" (tables), or "Mar 26" (a chart's axis). */
    month: (yearMonth: string) => (MONTH.test(yearMonth) ? longMonth.format(monthDate(yearMonth)) : yearMonth),
    monthShort: (yearMonth: string) => (MONTH.test(yearMonth) ? shortMonth.format(monthDate(yearMonth)) : yearMonth),
    /** A calendar day (YYYY-MM-DD), and the same with its weekday ("Monday, 2 March 2026" in the reader's order). */
    date: (day: string) => dates.date(day),
    dayWithWeekday: (day: string) => (DAY.test(day) ? withWeekday.format(new Date(`${day}T00:00:00Z`)) : day),
  };
}
export type DashboardFormat = ReturnType<typeof dashboardFormatters>;

export function useDashboardFormat(): DashboardFormat {
  const { i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : "en";
  return useMemo(() => dashboardFormatters(locale), [locale]);
}
