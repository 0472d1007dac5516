import type { ScreeningDefinition } from "../screening";
import { CRIES_8 } from "./cries-8";
import { DISTRESS_SCALE } from "./distress";
import { PHQ_A } from "./phq-a";

/**
 * The screening instruments Lentera ships with. They are plain definitions, the same data an agency
 * stores for an instrument of its own; nothing in the scoring knows them by name.
 */
export const SCREENING_INSTRUMENTS: readonly ScreeningDefinition[] = [PHQ_A, CRIES_8, DISTRESS_SCALE];

/** A built-in definition by code, at the given version or else the latest one. */
export function findScreeningInstrument(code: string, version?: number): ScreeningDefinition | undefined {
  return SCREENING_INSTRUMENTS.filter(
    (definition) => definition.code === code && (version === undefined || definition.version === version),
  ).reduce<ScreeningDefinition | undefined>(
    (latest, definition) => (latest === undefined || definition.version > latest.version ? definition : latest),
    undefined,
  );
}

export { CRIES_8, DISTRESS_SCALE, PHQ_A };
