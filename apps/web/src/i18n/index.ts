import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { LOCALES, type Locale } from "@lentera/domain";
import resourcesToBackend from "i18next-resources-to-backend";

const STORAGE_KEY = "lentera.locale";

/**
 * Each language's catalog is split: locales/<lng>/common.json (shell, sign-in, home, navigation,
 * errors, validation) comes with the first screen; the feature parts below arrive with the lazy
 * pages that need them and are merged into the same namespace, so keys keep their full names.
 */
export const CATALOG_PARTS = ["admin", "partners", "cases", "appointments", "sessions", "milestones", "work", "timeline", "dashboard", "reports", "referrals", "harm", "security", "audit"] as const;
export type CatalogPart = (typeof CATALOG_PARTS)[number];

/** The parts some page has needed so far: a language switch loads them in the new language too. */
const partsInUse = new Set<CatalogPart>();
/** "<lng>/<part>" -> the load, started at most once (retried after a failure). */
const partLoads = new Map<string, Promise<void>>();
/** The language applyLocale is switching to, while the switch is under way. */
let switchingTo: Locale | null = null;

function loadPart(locale: Locale, part: CatalogPart): Promise<void> {
  const key = `${locale}/${part}`;
  let load = partLoads.get(key);
  if (!load) {
    load = Promise.all([
      // The common part must be in before a feature part is added: i18next does not fetch a
      // language that already has resources in the namespace.
      i18next.loadLanguages(locale),
      import(`./locales/${locale}/${part}.json`) as Promise<{ default: Record<string, unknown> }>,
    ]).then(([, catalog]) => {
      i18next.addResourceBundle(locale, "translation", catalog.default, true, true);
    });
    load.catch(() => partLoads.delete(key));
    partLoads.set(key, load);
  }
  return load;
}

/**
 * Loads a feature's part of the catalog in the current language (and in the one being switched
 * to). Lazy pages await it before rendering, so they never show raw keys.
 */
export async function loadCatalogPart(part: CatalogPart): Promise<void> {
  partsInUse.add(part);
  const locales = new Set([currentLocale(), ...(switchingTo ? [switchingTo] : [])]);
  await Promise.all([...locales].map((locale) => loadPart(locale, part)));
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

function readStoredLocale(): Locale | null {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : null;
  } catch {
    return null; // storage can be disabled (private mode, strict settings)
  }
}

function storeLocale(locale: Locale) {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // not fatal: the choice just is not remembered
  }
}

/** Before sign-in: the stored choice, else the browser's preferred language, else English. */
function initialLocale(): Locale {
  const stored = readStoredLocale();
  if (stored) return stored;
  for (const tag of navigator.languages) {
    const base = tag.toLowerCase().split("-")[0];
    if (isLocale(base)) return base;
  }
  return "en";
}

export function currentLocale(): Locale {
  return isLocale(i18next.language) ? i18next.language : "en";
}

/** Switches the interface language, remembers it on this device and keeps <html lang> in sync. */
export async function applyLocale(locale: Locale): Promise<void> {
  if (i18next.language === locale) {
    storeLocale(locale);
    document.documentElement.lang = locale;
    return;
  }
  // The parts in use, in the new language, before switching: nothing on screen shows a raw key.
  // Until the switch is done, a page that opens meanwhile loads its part in both languages.
  switchingTo = locale;
  try {
    await i18next.loadLanguages(locale);
    await Promise.all([...partsInUse].map((part) => loadPart(locale, part)));
    storeLocale(locale);
    document.documentElement.lang = locale;
    await i18next.changeLanguage(locale);
  } finally {
    if (switchingTo === locale) switchingTo = null;
  }
}

export async function initI18n(): Promise<void> {
  const lng = initialLocale();
  document.documentElement.lang = lng;
  await i18next
    .use(initReactI18next)
    // Only the language in use is downloaded, and of it only the common part (see CATALOG_PARTS);
    // the other languages are separate chunks fetched on a switch.
    .use(resourcesToBackend((language: string) => import(`./locales/${language}/common.json`)))
    .init({
      lng,
      // No fallback download: catalogs.test.ts guarantees every key exists in every language.
      fallbackLng: false,
      supportedLngs: [...LOCALES],
      interpolation: { escapeValue: false }, // React escapes
      returnNull: false,
    });
}
