import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DOMAIN_ERROR_CODES, LOCALES, ROLES } from "@lentera/domain";
import { ERROR_REASONS } from "../lib/api-errors";
import en from "./locales/en.json";
import id from "./locales/id.json";
import vi from "./locales/vi.json";

const catalogs = { en, id, vi } as const;
const srcDir = fileURLToPath(new URL("..", import.meta.url));

/** Every leaf of a catalog as "a.b.c" -> value. */
function flatten(node: unknown, prefix = ""): Map<string, unknown> {
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

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((match) => match[1] ?? "").sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

const flat = Object.fromEntries(Object.entries(catalogs).map(([locale, catalog]) => [locale, flatten(catalog)]));
const english = flatten(en);

describe("translation catalogs", () => {
  it("exist for every locale the app offers", () => {
    expect(Object.keys(catalogs).sort()).toEqual([...LOCALES].sort());
  });

  for (const [locale, entries] of Object.entries(flat)) {
    it(`${locale}: has every key of every catalog, each a non-empty string`, () => {
      const allKeys = new Set(Object.values(flat).flatMap((map) => [...map.keys()]));
      const missing = [...allKeys].filter((key) => !entries.has(key));
      const empty = [...entries].filter(([, value]) => typeof value !== "string" || value.trim() === "");
      expect(missing, `keys missing from ${locale}.json`).toEqual([]);
      expect(empty.map(([key]) => key), `empty or non-text values in ${locale}.json`).toEqual([]);
    });

    it(`${locale}: uses the same {{placeholders}} as English`, () => {
      const mismatched = [...english]
        .filter(([key, value]) => {
          const other = entries.get(key);
          return typeof value === "string" && typeof other === "string" && placeholders(value).join() !== placeholders(other).join();
        })
        .map(([key]) => key);
      expect(mismatched).toEqual([]);
    });
  }

  it("name every role, language, domain error and error reason (looked up with computed keys)", () => {
    const computed = [
      ...ROLES.map((role) => `roles.${role}`),
      ...LOCALES.map((locale) => `language.names.${locale}`),
      ...DOMAIN_ERROR_CODES.map((code) => `errors.${code}`),
      ...ERROR_REASONS.map((reason) => `errors.${reason}`),
      ...["active", "deactivated", "locked"].map((status) => `users.status.${status}`),
    ];
    expect(computed.filter((key) => !english.has(key))).toEqual([]);
  });

  it("have every key the code uses in t(\"…\") or as a message key", () => {
    const used = new Map<string, string>();
    for (const file of sourceFiles(srcDir)) {
      const text = readFileSync(file, "utf8");
      const patterns = [
        /\bt\(\s*["'`]([^"'`$]+)["'`]/g, // t("key")
        /["'`]((?:validation|errors|users|teams|nav|language)\.[A-Za-z_.]+)["'`]/g, // keys passed around as values
      ];
      for (const pattern of patterns) {
        for (const match of text.matchAll(pattern)) {
          const key = match[1];
          if (key && !key.endsWith(".")) used.set(key, relative(srcDir, file));
        }
      }
    }
    // Permission names share the "users."/"teams." prefix but are not catalog keys.
    const notKeys = new Set(["users.manage", "teams.manage"]);
    const missing = [...used].filter(([key]) => !notKeys.has(key) && !english.has(key));
    expect(used.size).toBeGreaterThan(50);
    expect(missing.map(([key, file]) => `${key} (${file})`)).toEqual([]);
  });
});
