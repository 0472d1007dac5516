import { describe, expect, it } from "vitest";
import { PARTNER_KINDS } from "@lentera/domain";
import en from "../../i18n/locales/en.json";
import id from "../../i18n/locales/id.json";
import vi from "../../i18n/locales/vi.json";

function has(catalog: unknown, key: string): boolean {
  const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalog);
  return typeof value === "string" && value.trim() !== "";
}

/** The partner screens look kinds up with computed keys, which the catalog test cannot see. */
describe("partner vocabulary in the catalogs", () => {
  it.each([
    ["en", en],
    ["id", id],
    ["vi", vi],
  ])("%s names every kind of partner organization", (_locale, catalog) => {
    const keys = PARTNER_KINDS.map((kind) => `partners.kind.${kind}`);
    expect(keys.filter((key) => !has(catalog, key))).toEqual([]);
  });
});
