import { describe, expect, it } from "vitest";
import { CRIES_8, DISTRESS_SCALE, PHQ_A, SCREENING_INSTRUMENTS, findScreeningInstrument } from "./instruments";
import { invalidScreeningAnswers, scoreScreening, screeningDefinitionSchema, type ScreeningDefinition } from "./screening";

/** Answers keyed by item id, in definition order. */
const answer = (definition: ScreeningDefinition, values: readonly number[]): Record<string, number> =>
  Object.fromEntries(values.map((value, index) => [definition.items[index]?.id ?? `missing_${index}`, value]));

const phqItem9 = "self_harm_thoughts";

describe("the built-in screening instruments", () => {
  it.each(SCREENING_INSTRUMENTS.map((definition) => [definition.code, definition] as const))(
    "%s is a valid definition worded in all three languages",
    (_, definition) => {
      expect(screeningDefinitionSchema.parse(definition)).toEqual(definition);
      const texts = [
        definition.name,
        definition.instructions,
        ...definition.options.map((option) => option.label),
        ...definition.items.map((item) => item.label),
        ...definition.bands.map((band) => band.label),
      ];
      for (const text of texts) {
        for (const wording of [text.en, text.id, text.vi]) expect(wording.trim()).not.toBe("");
        // A bare number reads the same everywhere; any other wording must be translated, not copied.
        if (!/^\d+$/.test(text.en)) {
          expect(text.id, `"${text.en}" has its own Indonesian`).not.toBe(text.en);
          expect(text.vi, `"${text.en}" has its own Vietnamese`).not.toBe(text.en);
        }
      }
      expect(definition.translationsValidated).toBe(false);
    },
  );

  it("have the shapes the sources give", () => {
    expect(PHQ_A.items).toHaveLength(9);
    expect(PHQ_A.options.map((option) => option.value)).toEqual([0, 1, 2, 3]);
    expect(PHQ_A.items.filter((item) => item.criticalAtOrAbove !== undefined).map((item) => item.id)).toEqual([phqItem9]);
    expect(PHQ_A.items[8]?.id).toBe(phqItem9);
    expect(CRIES_8.items).toHaveLength(8);
    expect(CRIES_8.options.map((option) => option.value)).toEqual([0, 1, 3, 5]);
    expect(CRIES_8.items.some((item) => item.criticalAtOrAbove !== undefined)).toBe(false);
    expect(DISTRESS_SCALE.options.map((option) => option.value)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});

describe("PHQ-A, worked by hand", () => {
  it("8 ones and item 9 at 0: total 8, mild, not positive, nothing critical", () => {
    expect(scoreScreening(PHQ_A, answer(PHQ_A, [1, 1, 1, 1, 1, 1, 1, 1, 0]))).toEqual({
      total: 8,
      answered: 9,
      items: 9,
      complete: true,
      band: "mild",
      positive: false,
      criticalItems: [],
    });
  });

  it("2 + 2 + six ones + 0 = 10: moderate and positive", () => {
    expect(scoreScreening(PHQ_A, answer(PHQ_A, [2, 2, 1, 1, 1, 1, 1, 1, 0]))).toMatchObject({
      total: 10,
      band: "moderate",
      positive: true,
      criticalItems: [],
    });
  });

  it("the band edges: 4 minimal, 5 mild, 14 moderate, 15 and 19 moderately severe, 20 severe", () => {
    const band = (values: number[]) => scoreScreening(PHQ_A, answer(PHQ_A, values)).band;
    expect(band([1, 1, 1, 1, 0, 0, 0, 0, 0])).toBe("minimal");
    expect(band([1, 1, 1, 1, 1, 0, 0, 0, 0])).toBe("mild");
    expect(band([2, 2, 2, 2, 2, 2, 2, 0, 0])).toBe("moderate");
    expect(band([3, 2, 2, 2, 2, 2, 2, 0, 0])).toBe("moderately_severe");
    expect(band([3, 3, 3, 3, 3, 2, 2, 0, 0])).toBe("moderately_severe");
    expect(band([3, 3, 3, 3, 3, 3, 2, 0, 0])).toBe("severe");
  });

  it("every answer 3: total 27, severe, positive, item 9 critical", () => {
    expect(scoreScreening(PHQ_A, answer(PHQ_A, [3, 3, 3, 3, 3, 3, 3, 3, 3]))).toMatchObject({
      total: 27,
      band: "severe",
      positive: true,
      criticalItems: [phqItem9],
    });
  });

  it("item 9 at 1 and everything else 0: total 1, minimal, not positive, but item 9 is critical", () => {
    expect(scoreScreening(PHQ_A, answer(PHQ_A, [0, 0, 0, 0, 0, 0, 0, 0, 1]))).toMatchObject({
      total: 1,
      complete: true,
      band: "minimal",
      positive: false,
      criticalItems: [phqItem9],
    });
  });

  it("a partial answer set has no band yet", () => {
    expect(scoreScreening(PHQ_A, answer(PHQ_A, [1, 2, 1]))).toEqual({
      total: 4,
      answered: 3,
      items: 9,
      complete: false,
      band: null,
      positive: false,
      criticalItems: [],
    });
  });

  it("a partial answer set that already reaches 10 is positive (the total can only grow)", () => {
    expect(scoreScreening(PHQ_A, answer(PHQ_A, [3, 3, 3, 1]))).toMatchObject({
      total: 10,
      answered: 4,
      complete: false,
      band: null,
      positive: true,
    });
  });

  it("a critical item counts while the form is still partial", () => {
    expect(scoreScreening(PHQ_A, { [phqItem9]: 2 })).toMatchObject({ complete: false, criticalItems: [phqItem9] });
  });
});

describe("CRIES-8, worked by hand", () => {
  it("4 × 3 + 4 × 1 = 16: below the cut-off, not positive", () => {
    expect(scoreScreening(CRIES_8, answer(CRIES_8, [3, 3, 3, 3, 1, 1, 1, 1]))).toMatchObject({
      total: 16,
      complete: true,
      band: "below_cutoff",
      positive: false,
      criticalItems: [],
    });
  });

  it("5 × 3 + 1 + 1 + 0 = 17: at the cut-off, positive", () => {
    expect(scoreScreening(CRIES_8, answer(CRIES_8, [3, 3, 3, 3, 3, 1, 1, 0]))).toMatchObject({
      total: 17,
      band: "above_cutoff",
      positive: true,
    });
  });

  it("every answer 5: total 40", () => {
    expect(scoreScreening(CRIES_8, answer(CRIES_8, [5, 5, 5, 5, 5, 5, 5, 5]))).toMatchObject({
      total: 40,
      band: "above_cutoff",
      positive: true,
      criticalItems: [],
    });
  });

  it("reports a value that is not an option and an item that is not in the definition", () => {
    const valid = answer(CRIES_8, [0, 1, 3, 5, 0, 1, 3, 5]);
    expect(invalidScreeningAnswers(CRIES_8, valid)).toEqual([]);
    const second = CRIES_8.items[1]?.id ?? "";
    expect(invalidScreeningAnswers(CRIES_8, { ...valid, [second]: 2 })).toEqual([second]);
    expect(invalidScreeningAnswers(CRIES_8, { ...valid, nightmares: 1 })).toEqual(["nightmares"]);
  });
});

describe("the distress rating", () => {
  const score = (value: number) => scoreScreening(DISTRESS_SCALE, { distress: value });

  it("3 is low and not positive", () => {
    expect(score(3)).toMatchObject({ total: 3, complete: true, band: "low", positive: false });
  });

  it("4 is moderate and positive (the NCCN's usual cut-off)", () => {
    expect(score(4)).toMatchObject({ total: 4, band: "moderate", positive: true });
  });

  it("6 is still moderate, 7 and 10 are high", () => {
    expect(score(6).band).toBe("moderate");
    expect(score(7).band).toBe("high");
    expect(score(10)).toMatchObject({ band: "high", positive: true, criticalItems: [] });
  });

  it("11 is not an answer", () => {
    expect(invalidScreeningAnswers(DISTRESS_SCALE, { distress: 11 })).toEqual(["distress"]);
  });
});

describe("findScreeningInstrument", () => {
  it("finds a built-in instrument by code, latest version first", () => {
    expect(findScreeningInstrument("phq-a")).toBe(PHQ_A);
    expect(findScreeningInstrument("cries-8")).toBe(CRIES_8);
    expect(findScreeningInstrument("distress")).toBe(DISTRESS_SCALE);
  });

  it("finds by code and version", () => {
    expect(findScreeningInstrument("phq-a", 1)).toBe(PHQ_A);
    expect(findScreeningInstrument("phq-a", 2)).toBeUndefined();
  });

  it("returns undefined for an unknown code", () => {
    expect(findScreeningInstrument("sdq")).toBeUndefined();
  });

  it("has one definition per code and version", () => {
    const keys = SCREENING_INSTRUMENTS.map((definition) => `${definition.code}@${definition.version}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
