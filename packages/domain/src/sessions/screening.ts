import { z } from "zod";
import { localizedText } from "../outcomes/instrument";

/**
 * Screening instruments are data, like the outcome instruments (DOMAIN.md): items, the answers each
 * item takes with their scores, how the total is banded, the total from which a screen is positive,
 * and critical items (e.g. PHQ-A item 9, thoughts of self-harm) that need same-day review whatever
 * the total. An agency adds its own by storing another definition.
 */
const identifier = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { error: "validation.identifier" });

export const screeningDefinitionSchema = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9_-]{1,39}$/, { error: "validation.identifier" }),
    version: z.number().int().positive(),
    name: localizedText,
    /** What the counselor reads out or shows (the recall period: "over the last two weeks"). */
    instructions: localizedText,
    /** Where the instrument comes from, and who may use it on what terms. */
    source: z.string().trim().min(1).max(1000),
    termsOfUse: z.string().trim().min(1).max(1000),
    /** False when the Indonesian and Vietnamese wording is not a validated translation: the form says so. */
    translationsValidated: z.boolean(),
    /** The answers every item takes, lowest score first. */
    options: z
      .array(z.object({ value: z.number().int().min(0).max(100), label: localizedText }))
      .min(2)
      .max(11),
    items: z
      .array(
        z.object({
          id: identifier,
          label: localizedText,
          /** An answer scoring at or above this is critical (needs same-day review). */
          criticalAtOrAbove: z.number().int().optional(),
        }),
      )
      .min(1)
      .max(60),
    /** Bands of the total, ascending by `upTo` (the last catches the rest). */
    bands: z.array(z.object({ key: identifier, upTo: z.number(), label: localizedText })).min(1).max(10),
    /** A total at or above this is a positive screen. */
    positiveAtOrAbove: z.number(),
  })
  .superRefine((definition, context) => {
    const ids = definition.items.map((item) => item.id);
    if (new Set(ids).size !== ids.length) context.addIssue({ code: "custom", message: "validation.duplicateId", path: ["items"] });
    const values = definition.options.map((option) => option.value);
    if (values.some((value, index) => index > 0 && value <= (values[index - 1] ?? 0))) {
      context.addIssue({ code: "custom", message: "validation.scaleOrder", path: ["options"] });
    }
    const bounds = definition.bands.map((band) => band.upTo);
    if (bounds.some((bound, index) => index > 0 && bound <= (bounds[index - 1] ?? 0))) {
      context.addIssue({ code: "custom", message: "validation.bandOrder", path: ["bands"] });
    }
  });
export type ScreeningDefinition = z.output<typeof screeningDefinitionSchema>;

export interface ScreeningScore {
  /** The sum of the answers given so far. */
  total: number;
  answered: number;
  items: number;
  /** Every item answered: only then are the band and the positive screen final. */
  complete: boolean;
  /** The band of the total, once complete. */
  band: string | null;
  /** Positive once complete with a total at or above the threshold, or already so while partial. */
  positive: boolean;
  /** Items answered at or above their critical threshold, in definition order. */
  criticalItems: string[];
}

/** Answers that are not items of the definition or not values of its options. */
export function invalidScreeningAnswers(definition: ScreeningDefinition, answers: Readonly<Record<string, number>>): string[] {
  const items = new Set(definition.items.map((item) => item.id));
  const values = new Set(definition.options.map((option) => option.value));
  return Object.entries(answers)
    .filter(([item, value]) => !items.has(item) || !values.has(value))
    .map(([item]) => item);
}

/** Scores the answers given so far; the same function runs in the form (as you go) and in the API. */
export function scoreScreening(definition: ScreeningDefinition, answers: Readonly<Record<string, number>>): ScreeningScore {
  const given = definition.items.map((item) => answers[item.id]).filter((value): value is number => value !== undefined);
  const total = given.reduce((sum, value) => sum + value, 0);
  const complete = given.length === definition.items.length;
  const band = complete ? (definition.bands.find((candidate) => total <= candidate.upTo) ?? definition.bands.at(-1))?.key ?? null : null;
  const criticalItems = definition.items
    .filter((item) => item.criticalAtOrAbove !== undefined && (answers[item.id] ?? -1) >= item.criticalAtOrAbove)
    .map((item) => item.id);
  return {
    total,
    answered: given.length,
    items: definition.items.length,
    complete,
    band,
    // A partial total already past the threshold can only grow: the screen is positive.
    positive: total >= definition.positiveAtOrAbove,
    criticalItems,
  };
}
