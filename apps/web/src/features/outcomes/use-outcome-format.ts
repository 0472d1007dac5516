import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Localized } from "@lentera/domain";
import { isLocale } from "../../i18n";
import { localText } from "./instrument-text";

/** Scores in the reader's number format (2,5 in Bahasa Indonesia and Vietnamese) and instrument wording in their language. */
export function useOutcomeFormat() {
  const { i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : "en";
  return useMemo(() => {
    const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    return {
      locale,
      score: (value: number | null | undefined) => (value === null || value === undefined ? "–" : number.format(value)),
      text: (value: Partial<Localized>) => localText(value, locale),
    };
  }, [locale]);
}
