import { describe, expect, it } from "vitest";
import { AGE_GROUPS, DASHBOARD_LISTS, LOCALES, OUTCOME_CHANGES, STATISTIC_DIMENSIONS } from "@lentera/domain";
import { catalogPart, hasText, mergedCatalog } from "../../i18n/test-catalogs";
import { codeKeys, headerKey, listColumns } from "./list-columns";
import { statisticKeyKeys } from "./statistics-csv";

/** The reports look many words up with computed keys, which the catalog test cannot see. */
describe("the reports' words in the catalogs", () => {
  const reports = catalogPart("en", "reports");

  it("name every list, and every column of every list with words of its own", () => {
    const keys = DASHBOARD_LISTS.flatMap((list) => [`reports.lists.${list}`, ...listColumns(list).map((column) => headerKey(list, column))]);
    expect(keys.filter((key) => !hasText(reports, key))).toEqual([]);
    // No list falls back to a generic header for a column whose meaning is its own.
    const generic = DASHBOARD_LISTS.flatMap((list) => listColumns(list).map((column) => headerKey(list, column))).filter((key) =>
      ["reports.column.on", "reports.column.value", "reports.column.code", "reports.column.person"].includes(key),
    );
    expect(generic).toEqual([]);
  });

  it("word every code a list can show and every statistics category, in every language", () => {
    const keys = [
      ...DASHBOARD_LISTS.flatMap((list) => codeKeys(list)),
      ...statisticKeyKeys(),
      ...STATISTIC_DIMENSIONS.map((dimension) => `reports.dimension.${dimension}`),
      ...AGE_GROUPS.map((group) => `reports.ageGroup.${group}`),
      ...OUTCOME_CHANGES.map((change) => `reports.change.${change}`),
    ];
    expect(keys.length).toBeGreaterThan(60);
    for (const locale of LOCALES) {
      const catalog = mergedCatalog(locale);
      expect(keys.filter((key) => !hasText(catalog, key)), locale).toEqual([]);
    }
  });

  it("keep the words the case page's summary button shows in the reports part (it loads that part itself)", () => {
    expect(hasText(reports, "reports.caseSummary.button")).toBe(true);
  });
});
