import type { Locale } from "@lentera/domain";
import type { Instrument } from "./outcome-types";

/**
 * An instrument's own wording in the reader's language. The definition schema asks for all three
 * languages, but a definition stored by an agency before that rule (or edited by hand) may lack one:
 * then English, then whatever wording there is.
 */
export function localText(text: Partial<Record<Locale, string>>, locale: Locale): string {
  const wanted = text[locale]?.trim();
  if (wanted) return wanted;
  const english = text.en?.trim();
  if (english) return english;
  return Object.values(text).find((value) => value.trim() !== "") ?? "";
}

/** The key an instrument edition is chosen by in a form: "code@version". */
export function instrumentKey(definition: Pick<Instrument, "code" | "version">): string {
  return `${definition.code}@${definition.version}`;
}

/** The edition an assessment was taken with, if the agency still has it. */
export function findInstrument(
  instruments: readonly Instrument[],
  code: string,
  version: number,
): Instrument | undefined {
  return instruments.find((definition) => definition.code === code && definition.version === version);
}

/** The newest edition of each instrument, in the order listed: what a new assessment may use. */
export function currentEditions(instruments: readonly Instrument[]): Instrument[] {
  const newest = new Map<string, Instrument>();
  for (const definition of instruments) {
    const seen = newest.get(definition.code);
    if (!seen || definition.version > seen.version) newest.set(definition.code, definition);
  }
  return [...newest.values()];
}

/** A domain's name in an instrument, or its id when the edition is unknown. */
export function domainLabel(definition: Instrument | undefined, domainId: string, locale: Locale): string {
  const domain = definition?.domains.find((candidate) => candidate.id === domainId);
  return domain ? localText(domain.label, locale) : domainId;
}
