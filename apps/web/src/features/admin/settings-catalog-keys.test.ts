import { describe, expect, it } from "vitest";
import { PLAN_DOMAINS } from "@lentera/domain";
import en from "../../i18n/locales/en.json";
import id from "../../i18n/locales/id.json";
import vi from "../../i18n/locales/vi.json";

function has(catalog: unknown, key: string): boolean {
  const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalog);
  return typeof value === "string" && value.trim() !== "";
}

/**
 * The settings page and the home page's overdue reviews name plan domains with computed keys, and
 * the settings schema reports an out-of-range interval as `validation.range`.
 */
describe("agency settings vocabulary in the catalogs", () => {
  it.each([
    ["en", en],
    ["id", id],
    ["vi", vi],
  ])("%s names every plan domain and the range message", (_locale, catalog) => {
    const keys = [...PLAN_DOMAINS.map((domain) => `settings.domains.${domain}`), "validation.range"];
    expect(keys.filter((key) => !has(catalog, key))).toEqual([]);
  });
});
