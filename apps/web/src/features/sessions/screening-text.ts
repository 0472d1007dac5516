import type { ScreeningDefinition } from "@lentera/domain";

/** The newest edition of an instrument among those the agency has. */
export function findDefinition(definitions: readonly ScreeningDefinition[], code: string, version?: number): ScreeningDefinition | undefined {
  return definitions
    .filter((definition) => definition.code === code && (version === undefined || definition.version === version))
    .reduce<ScreeningDefinition | undefined>((best, definition) => (!best || definition.version > best.version ? definition : best), undefined);
}

/** The highest total the instrument allows: each item's highest answer, added up. */
export function maxTotal(definition: ScreeningDefinition): number {
  const highest = Math.max(...definition.options.map((option) => option.value));
  return highest * definition.items.length;
}

/** A band's label in the reader's language, or its key when the edition is unknown. */
export function bandLabel(
  definition: ScreeningDefinition | undefined,
  band: string | null,
  text: (value: ScreeningDefinition["name"]) => string,
): string | null {
  if (band === null) return null;
  const found = definition?.bands.find((candidate) => candidate.key === band);
  return found ? text(found.label) : band;
}

/** The 1-based position and label of an item, for "item 9: thoughts of self-harm". */
export function itemLabel(
  definition: ScreeningDefinition | undefined,
  itemId: string,
  text: (value: ScreeningDefinition["name"]) => string,
): string {
  const index = definition?.items.findIndex((item) => item.id === itemId) ?? -1;
  const item = index >= 0 ? definition?.items[index] : undefined;
  return item ? `${index + 1}. ${text(item.label)}` : itemId;
}
