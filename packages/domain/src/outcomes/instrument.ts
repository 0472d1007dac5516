import { z } from "zod";
import type { Locale } from "../roles";
import { PLAN_DOMAINS } from "../plans/vocabulary";

/**
 * Outcome instruments are data, not code paths (DOMAIN.md): a definition names its domains and
 * their items (sub-domains), the answer scale, how a domain is scored, its bands and the score at
 * or below which the domain is at risk, all worded in the three languages. An agency adds its own
 * by storing another definition.
 */
/** A text in each of the three languages. */
export const localizedText = z.object({
  en: z.string().trim().min(1).max(500),
  id: z.string().trim().min(1).max(500),
  vi: z.string().trim().min(1).max(500),
});
const localized = localizedText;
export type Localized = z.infer<typeof localized>;

const identifier = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { error: "validation.identifier" });

export const instrumentDefinitionSchema = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9_-]{1,39}$/, { error: "validation.identifier" }),
    version: z.number().int().positive(),
    name: localized,
    description: localized.optional(),
    /** Where the structure comes from and who may use the wording. */
    source: z.string().trim().min(1).max(1000),
    termsOfUse: z.string().trim().min(1).max(1000),
    /** False when the translations have not been validated for research use. */
    translationsValidated: z.boolean(),
    /** The answers every item takes, lowest first. */
    scale: z
      .array(z.object({ value: z.number().int().min(0).max(100), label: localized }))
      .min(2)
      .max(11),
    /** How a domain's score comes from its items. */
    scoring: z.enum(["mean", "sum"]),
    /** A domain whose score is at or below this is at risk (e.g. 2 on a 1–4 scale). */
    atRiskAtOrBelow: z.number(),
    /** Bands of a domain score, in ascending order of `upTo` (the last one also catches the rest). */
    bands: z.array(z.object({ key: identifier, upTo: z.number(), label: localized })).min(1).max(10),
    domains: z
      .array(
        z.object({
          id: identifier,
          label: localized,
          /** The plan domain a goal working on this domain is usually filed under. */
          planDomain: z.enum(PLAN_DOMAINS),
          items: z.array(z.object({ id: identifier, label: localized })).min(1).max(30),
        }),
      )
      .min(1)
      .max(20),
  })
  .superRefine((definition, context) => {
    const domainIds = definition.domains.map((domain) => domain.id);
    if (new Set(domainIds).size !== domainIds.length) context.addIssue({ code: "custom", message: "validation.duplicateId", path: ["domains"] });
    const itemIds = definition.domains.flatMap((domain) => domain.items.map((item) => item.id));
    if (new Set(itemIds).size !== itemIds.length) context.addIssue({ code: "custom", message: "validation.duplicateId", path: ["domains"] });
    const values = definition.scale.map((option) => option.value);
    if (values.some((value, index) => index > 0 && value <= (values[index - 1] ?? 0))) {
      context.addIssue({ code: "custom", message: "validation.scaleOrder", path: ["scale"] });
    }
    const bounds = definition.bands.map((band) => band.upTo);
    if (bounds.some((bound, index) => index > 0 && bound <= (bounds[index - 1] ?? 0))) {
      context.addIssue({ code: "custom", message: "validation.bandOrder", path: ["bands"] });
    }
  });
export type InstrumentDefinition = z.output<typeof instrumentDefinitionSchema>;

/** Answers by item id. */
export type Answers = Readonly<Record<string, number>>;

export interface DomainScore {
  domain: string;
  /** null until at least one item is answered. */
  score: number | null;
  answered: number;
  items: number;
  band: string | null;
  atRisk: boolean | null;
}

export interface InstrumentScore {
  domains: DomainScore[];
  /** Every item answered: the assessment can be completed. */
  complete: boolean;
  /** The at-risk domains, in definition order. */
  atRisk: string[];
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Answers that are not items of the definition or not values of its scale. */
export function invalidAnswers(definition: InstrumentDefinition, answers: Answers): string[] {
  const items = new Set(definition.domains.flatMap((domain) => domain.items.map((item) => item.id)));
  const values = new Set(definition.scale.map((option) => option.value));
  return Object.entries(answers)
    .filter(([item, value]) => !items.has(item) || !values.has(value))
    .map(([item]) => item);
}

/** Scores each domain from the answers given so far; the same function runs in the form and the API. */
export function scoreInstrument(definition: InstrumentDefinition, answers: Answers): InstrumentScore {
  const domains = definition.domains.map((domain): DomainScore => {
    const given = domain.items.map((item) => answers[item.id]).filter((value): value is number => value !== undefined);
    if (given.length === 0) {
      return { domain: domain.id, score: null, answered: 0, items: domain.items.length, band: null, atRisk: null };
    }
    const sum = given.reduce((total, value) => total + value, 0);
    const score = round2(definition.scoring === "mean" ? sum / given.length : sum);
    const band = definition.bands.find((candidate) => score <= candidate.upTo) ?? definition.bands.at(-1);
    return {
      domain: domain.id,
      score,
      answered: given.length,
      items: domain.items.length,
      band: band?.key ?? null,
      atRisk: score <= definition.atRiskAtOrBelow,
    };
  });
  return {
    domains,
    complete: domains.every((domain) => domain.answered === domain.items),
    atRisk: domains.filter((domain) => domain.atRisk).map((domain) => domain.domain),
  };
}

/** The wording in the reader's language. */
export function localize(text: Localized, locale: Locale): string {
  return text[locale];
}
