/** For tests: a `t` over a language's real catalogs (all parts merged), with {{placeholders}} and defaultValue. */
import type { Locale } from "@lentera/domain";
import { lookup, mergedCatalog } from "../../i18n/test-catalogs";
import type { Translate } from "./list-columns";

export function translator(locale: Locale): Translate {
  const catalog = mergedCatalog(locale);
  return (key, values = {}) => {
    const found = lookup(catalog, key);
    const text = typeof found === "string" ? found : typeof values.defaultValue === "string" ? values.defaultValue : key;
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(values[name] ?? `{{${name}}}`));
  };
}
