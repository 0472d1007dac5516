import { useMemo } from "react";
import { useTranslation } from "react-i18next";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today in the user's time zone as YYYY-MM-DD (what a date input holds). */
export function todayIso(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Formats dates in the interface language: calendar dates (YYYY-MM-DD) as they are, instants in local time. */
export function dateFormatters(locale: string) {
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const localDay = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
  const moment = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  return {
    /** A calendar date ("2026-03-01") or the day of an instant. */
    date(value: Date | string): string {
      if (typeof value === "string") {
        return ISO_DATE.test(value) ? day.format(new Date(`${value}T00:00:00Z`)) : value;
      }
      return localDay.format(value);
    },
    /** An instant, with the time of day. */
    dateTime(value: Date): string {
      return moment.format(value);
    },
  };
}

export function useDateFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(() => dateFormatters(locale), [locale]);
}
