import { describe, expect, it } from "vitest";
import { LOCALES, PLAN_DOMAINS } from "@lentera/domain";
import { catalogPart, hasText as has } from "../../i18n/test-catalogs";

/**
 * The settings page and the home page's overdue reviews name plan domains with computed keys, and
 * the settings schema reports an out-of-range interval as `validation.range`. The home page is the
 * first screen, so these are in the common part of the catalog, not in the admin pages' part.
 */
describe("agency settings vocabulary in the catalogs", () => {
  it.each(LOCALES.map((locale) => [locale, catalogPart(locale, "common")] as const))("%s names every plan domain and the range message", (_locale, catalog) => {
    const keys = [...PLAN_DOMAINS.map((domain) => `settings.domains.${domain}`), "validation.range"];
    expect(keys.filter((key) => !has(catalog, key))).toEqual([]);
  });
});
