import { describe, expect, it } from "vitest";
import { LOCALES, PARTNER_KINDS } from "@lentera/domain";
import { catalogPart, hasText as has } from "../../i18n/test-catalogs";

/** The partner screens look kinds up with computed keys, which the catalog test cannot see. */
describe("partner vocabulary in the catalogs", () => {
  it.each(LOCALES.map((locale) => [locale, catalogPart(locale, "partners")] as const))(
    "%s names every kind of partner organization (in the partners page's part)",
    (_locale, catalog) => {
      const keys = PARTNER_KINDS.map((kind) => `partners.kind.${kind}`);
      expect(keys.filter((key) => !has(catalog, key))).toEqual([]);
    },
  );
});
