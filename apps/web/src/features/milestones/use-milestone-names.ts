import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { isLocale } from "../../i18n";
import { catalogIndex, milestoneLabel, type MilestoneNaming } from "./milestone-text";
import type { CatalogEntry } from "./milestone-types";

/** The reader's language as the catalog's labels know it. */
export function useCatalogLocale() {
  const { i18n } = useTranslation();
  return isLocale(i18n.language) ? i18n.language : "en";
}

/** Names milestones and catalog entries in the reader's language. */
export function useMilestoneNames(entries: readonly CatalogEntry[]) {
  const locale = useCatalogLocale();
  return useMemo(() => {
    const index = catalogIndex(entries);
    return {
      locale,
      label: (milestone: MilestoneNaming) => milestoneLabel(milestone, index, locale),
      entryLabel: (entry: CatalogEntry) => entry.label[locale],
    };
  }, [entries, locale]);
}

export type MilestoneNames = ReturnType<typeof useMilestoneNames>;
