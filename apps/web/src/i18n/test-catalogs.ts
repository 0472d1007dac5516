/**
 * For tests: the split translation catalogs (locales/<lng>/<part>.json), one part at a time or a
 * language's parts merged, the way the app has them once every page has been opened.
 */
import type { Locale } from "@lentera/domain";
import { CATALOG_PARTS } from "./index";

export type Catalog = Record<string, unknown>;

/** Every file of a language: the common part (first screen) and the feature parts. */
export const CATALOG_FILES = ["common", ...CATALOG_PARTS] as const;
export type CatalogFile = (typeof CATALOG_FILES)[number];

/** "./locales/en/common.json" -> its content, for every file on disk. */
export const catalogFiles = import.meta.glob<Catalog>("./locales/*/*.json", { eager: true, import: "default" });

export function catalogPart(locale: Locale, file: CatalogFile): Catalog {
  const catalog = catalogFiles[`./locales/${locale}/${file}.json`];
  if (!catalog) throw new Error(`no catalog file locales/${locale}/${file}.json`);
  return catalog;
}

function merge(target: Catalog, source: Catalog): Catalog {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    const isObject = (node: unknown): node is Catalog => typeof node === "object" && node !== null && !Array.isArray(node);
    target[key] = isObject(existing) && isObject(value) ? merge({ ...existing }, value) : value;
  }
  return target;
}

/** All parts of a language merged into one catalog. */
export function mergedCatalog(locale: Locale): Catalog {
  return CATALOG_FILES.reduce<Catalog>((merged, file) => merge(merged, catalogPart(locale, file)), {});
}

/** The value at "a.b.c", or undefined. */
export function lookup(catalog: unknown, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node as Catalog | undefined)?.[part], catalog);
}

/** Whether "a.b.c" is a non-empty text in the catalog. */
export function hasText(catalog: unknown, key: string): boolean {
  const value = lookup(catalog, key);
  return typeof value === "string" && value.trim() !== "";
}

/** Every leaf of a catalog as "a.b.c" -> value. */
export function flatten(node: unknown, prefix = ""): Map<string, unknown> {
  const result = new Map<string, unknown>();
  if (typeof node !== "object" || node === null || Array.isArray(node)) {
    result.set(prefix, node);
    return result;
  }
  for (const [key, value] of Object.entries(node)) {
    for (const [leaf, leafValue] of flatten(value, prefix ? `${prefix}.${key}` : key)) result.set(leaf, leafValue);
  }
  return result;
}
