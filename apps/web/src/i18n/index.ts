import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { LOCALES, type Locale } from "@lentera/domain";
import resourcesToBackend from "i18next-resources-to-backend";

const STORAGE_KEY = "lentera.locale";

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
  storeLocale(locale);
  document.documentElement.lang = locale;
  if (i18next.language !== locale) await i18next.changeLanguage(locale);
}

export async function initI18n(): Promise<void> {
  const lng = initialLocale();
  document.documentElement.lang = lng;
  await i18next
    .use(initReactI18next)
    // Only the language in use is downloaded; the others are separate chunks fetched on a switch.
    .use(resourcesToBackend((language: string) => import(`./locales/${language}.json`)))
    .init({
      lng,
      // No fallback download: catalogs.test.ts guarantees every key exists in every language.
      fallbackLng: false,
      supportedLngs: [...LOCALES],
      interpolation: { escapeValue: false }, // React escapes
      returnNull: false,
    });
}
