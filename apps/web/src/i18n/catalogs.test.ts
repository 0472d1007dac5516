import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DOMAIN_ERROR_CODES, LOCALES, ROLES } from "@lentera/domain";
import { ERROR_REASON_PARTS } from "../lib/api-errors";
import { CATALOG_FILES, catalogFiles, catalogPart, flatten, lookup, mergedCatalog, type Catalog, type CatalogFile } from "./test-catalogs";

const srcDir = fileURLToPath(new URL("..", import.meta.url));

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

/** The catalog keys a source file names: t("key"), and keys passed around as values. Prefixes end in ".". */
function keysUsedIn(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const patterns = [
    /\bt\(\s*["'`]([^"'`$]+)["'`$]/g, // t("key"), t(`prefix.${…}`)
    /["'`]((?:validation|errors|users|teams|nav|language)\.[A-Za-z_.]+)["'`]/g, // keys passed around as values
  ];
  // Permission names share the "users."/"teams." prefix but are not catalog keys.
  const notKeys = new Set(["users.manage", "teams.manage"]);
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1] ?? "")).filter((key) => key && !notKeys.has(key));
}

/** Files reached from main.tsx by static imports (dynamic import() is where lazy pages begin). */
function firstScreenFiles(): Set<string> {
  const reached = new Set<string>();
  const visit = (file: string) => {
    if (reached.has(file)) return;
    reached.add(file);
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+["'](\.{1,2}\/[^"']+)["']/gms)) {
      if (match[1] || !match[2]) continue; // type-only imports bring no code
      const base = join(dirname(file), match[2]);
      const resolved = [`${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")].find((path) => existsSync(path));
      if (resolved) visit(resolved);
    }
  };
  visit(join(srcDir, "main.tsx"));
  // Folders of the first screen, including the lazily loaded sign-in page.
  const folders = ["app", "features/home", "features/auth", "ui", "lib"].map((folder) => join(srcDir, folder) + sep);
  for (const file of sourceFiles(srcDir)) if (folders.some((folder) => file.startsWith(folder))) reached.add(file);
  return reached;
}

/**
 * The feature folders whose pages load a part of the catalog (see router.tsx), or several parts when
 * the folder's page names what other features own (the timeline lists statuses, kinds, milestones).
 */
const FEATURE_PARTS: Record<string, CatalogFile | readonly CatalogFile[]> = { admin: "admin", partners: "partners", cases: "cases", plans: "cases", outcomes: "cases", appointments: "appointments", sessions: "sessions", milestones: "milestones", "my-work": "work", "follow-ups": "timeline", timeline: ["timeline", "cases", "appointments", "sessions", "milestones"], dashboard: ["dashboard", "reports", "cases", "appointments", "milestones"], reports: ["reports", "dashboard", "cases", "appointments", "milestones"], referrals: ["referrals", "cases", "partners"], "online-harm": ["harm", "cases"] };

const merged = Object.fromEntries(LOCALES.map((locale) => [locale, flatten(mergedCatalog(locale))]));
const english = merged.en ?? new Map<string, unknown>();
const englishCommon = catalogPart("en", "common");

/** Whether a key (or, for a prefix ending in ".", a group of keys) is in one of the catalogs. */
function foundIn(catalogs: Catalog[], key: string): boolean {
  return catalogs.some((catalog) => {
    const value = lookup(catalog, key.endsWith(".") ? key.slice(0, -1) : key);
    return key.endsWith(".") ? typeof value === "object" && value !== null : typeof value === "string";
  });
}

describe("translation catalogs", () => {
  it("exist for every locale the app offers, each split into the same files", () => {
    const expected = LOCALES.flatMap((locale) => CATALOG_FILES.map((file) => `./locales/${locale}/${file}.json`));
    expect(Object.keys(catalogFiles).sort()).toEqual(expected.sort());
  });

  for (const [locale, entries] of Object.entries(merged)) {
    it(`${locale}: has every key of every catalog, each a non-empty string`, () => {
      const allKeys = new Set(Object.values(merged).flatMap((map) => [...map.keys()]));
      const missing = [...allKeys].filter((key) => !entries.has(key));
      const empty = [...entries].filter(([, value]) => typeof value !== "string" || value.trim() === "");
      expect(missing, `keys missing from locales/${locale}/`).toEqual([]);
      expect(empty.map(([key]) => key), `empty or non-text values in locales/${locale}/`).toEqual([]);
    });

    it(`${locale}: puts every key in the same file as English, and in one file only`, () => {
      const seen = new Map<string, CatalogFile>();
      const twice: string[] = [];
      for (const file of CATALOG_FILES) {
        const keys = [...flatten(catalogPart(locale as (typeof LOCALES)[number], file)).keys()];
        const inEnglish = new Set(flatten(catalogPart("en", file)).keys());
        const own = new Set(keys);
        const misplaced = [...keys.filter((key) => !inEnglish.has(key)), ...[...inEnglish].filter((key) => !own.has(key))];
        expect(misplaced, `keys of locales/${locale}/${file}.json and locales/en/${file}.json that differ`).toEqual([]);
        for (const key of keys) {
          if (seen.has(key)) twice.push(`${key} (${seen.get(key)}, ${file})`);
          seen.set(key, file);
        }
      }
      expect(twice).toEqual([]);
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

  it("name every role, language and domain error in the first screen's part (computed keys)", () => {
    const computed = [
      ...ROLES.map((role) => `roles.${role}`),
      ...LOCALES.map((locale) => `language.names.${locale}`),
      ...DOMAIN_ERROR_CODES.map((code) => `errors.${code}`),
    ];
    expect(computed.filter((key) => !foundIn([englishCommon], key))).toEqual([]);
    // Each error reason in the part its pages load (or in common, when several features raise it).
    const misplaced = Object.entries(ERROR_REASON_PARTS).flatMap(([part, reasons]) =>
      reasons.map((reason) => `errors.${reason}`).filter((key) => !foundIn([catalogPart("en", part as CatalogFile)], key)),
    );
    expect(misplaced).toEqual([]);
    const statuses = ["active", "deactivated", "locked"].map((status) => `users.status.${status}`);
    expect(statuses.filter((key) => !foundIn([catalogPart("en", "admin")], key))).toEqual([]);
  });

  it("have every key the code uses in t(\"…\") or as a message key", () => {
    const used = new Map<string, string>();
    for (const file of sourceFiles(srcDir)) {
      for (const key of keysUsedIn(file)) if (!key.endsWith(".")) used.set(key, relative(srcDir, file));
    }
    const missing = [...used].filter(([key]) => !english.has(key));
    expect(used.size).toBeGreaterThan(50);
    expect(missing.map(([key, file]) => `${key} (${file})`)).toEqual([]);
  });

  it("have the keys of the first screen (shell, sign-in, home, navigation) in common.json", () => {
    const firstScreen = firstScreenFiles();
    expect(firstScreen.size).toBeGreaterThan(20);
    const missing = [...firstScreen].flatMap((file) =>
      keysUsedIn(file)
        .filter((key) => !foundIn([englishCommon], key))
        .map((key) => `${key} (${relative(srcDir, file)})`),
    );
    expect(missing).toEqual([]);
  });

  it("have the keys of each lazy page in common.json or in the part its route loads", () => {
    const firstScreen = firstScreenFiles();
    const missing: string[] = [];
    for (const file of sourceFiles(srcDir)) {
      const feature = /^features[\\/]([^\\/]+)[\\/]/.exec(relative(srcDir, file))?.[1];
      const part = feature ? FEATURE_PARTS[feature] : undefined;
      if (firstScreen.has(file) || !part) continue;
      const catalogs = [englishCommon, ...[part].flat().map((file) => catalogPart("en", file))];
      for (const key of keysUsedIn(file)) if (!foundIn(catalogs, key)) missing.push(`${key} (${relative(srcDir, file)})`);
    }
    expect(missing).toEqual([]);
  });
});
