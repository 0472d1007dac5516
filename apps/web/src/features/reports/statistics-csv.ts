/**
 * The anonymized statistics in words: each breakdown's keys translated, a suppressed count (null)
 * as "<5", and the whole as one CSV of (dimension, category, cases). Pure.
 */
import { STATISTIC_KEYS, toCsv, type Statistics, type StatisticDimension } from "@lentera/domain";
import type { Translate } from "./list-columns";
import { monthLabel } from "./month-label";

/** How a suppressed count is published (SMALL_CELL_THRESHOLD): never a number that could be 1. */
export const SUPPRESSED = "<5";

export function countText(count: number | null): string | number {
  return count === null ? SUPPRESSED : count;
}

/** The catalog prefix that words each dimension's codes; months and provinces are not translated. */
const KEY_PREFIXES: Partial<Record<StatisticDimension, string>> = {
  harm_type: "cases.harm.",
  age_group: "reports.ageGroup.",
  sex: "cases.sex.",
  referral_source: "cases.referral.",
  takedown_platform_kind: "reports.platformKind.",
};

/** Every catalog key the statistics' codes can be worded with (for the catalog test). */
export function statisticKeyKeys(): string[] {
  return Object.entries(STATISTIC_KEYS).flatMap(([dimension, keys]) =>
    keys.map((key) => `${KEY_PREFIXES[dimension as StatisticDimension] ?? ""}${key}`),
  );
}

/**
 * A category in words. Months read as the reader says them on screen; in a file they stay
 * YYYY-MM (sortable, the same in every language). Province codes are shown as stored.
 */
export function statisticKeyText(dimension: StatisticDimension, key: string, t: Translate, monthLocale: string | null): string {
  if (dimension === "month") return monthLocale ? monthLabel(key, monthLocale) : key;
  const prefix = KEY_PREFIXES[dimension];
  const known = (STATISTIC_KEYS as Partial<Record<StatisticDimension, readonly string[]>>)[dimension]?.includes(key) ?? false;
  if (prefix && known) return t(`${prefix}${key}`);
  return key === "unknown" ? t("reports.statistics.unknown") : key;
}

export function statisticsCsvRows(statistics: Statistics, t: Translate): (string | number)[][] {
  const totals = t("reports.statistics.totals");
  return [
    [totals, t("reports.statistics.included"), countText(statistics.includedCases)],
    [totals, t("reports.statistics.excluded"), countText(statistics.excludedCases)],
    ...statistics.breakdowns.flatMap(({ dimension, cells }) =>
      cells.map((cell) => [t(`reports.dimension.${dimension}`), statisticKeyText(dimension, cell.key, t, null), countText(cell.count)]),
    ),
  ];
}

export function statisticsCsv(statistics: Statistics, t: Translate): string {
  return toCsv([t("reports.statistics.dimension"), t("reports.statistics.category"), t("reports.statistics.cases")], statisticsCsvRows(statistics, t));
}
