import { describe, expect, it } from "vitest";
import { instrumentDefinitionSchema, invalidAnswers, scoreInstrument, type InstrumentDefinition } from "./instrument";
import { RECOVERY_INSTRUMENT } from "./recovery-instrument";

const every = (value: number) =>
  Object.fromEntries(RECOVERY_INSTRUMENT.domains.flatMap((domain) => domain.items.map((item) => [item.id, value])));

describe("the recovery instrument", () => {
  it("is a valid definition with six domains worded in three languages", () => {
    const parsed = instrumentDefinitionSchema.parse(RECOVERY_INSTRUMENT);
    expect(parsed.domains.map((domain) => domain.id)).toEqual([
      "safety",
      "legal_protection",
      "mental_wellbeing",
      "education_livelihood",
      "social_support",
      "physical_wellbeing",
    ]);
    for (const domain of parsed.domains) {
      for (const text of [domain.label, ...domain.items.map((item) => item.label)]) {
        expect(new Set([text.en, text.id, text.vi]).size, `${domain.id} has three distinct wordings`).toBe(3);
      }
    }
    expect(parsed.scale.map((option) => option.value)).toEqual([1, 2, 3, 4]);
  });

  it("scores a worked example by hand: a domain's score is the mean of its sub-domains, 1–2 is at risk", () => {
    const answers = {
      // safety: (1 + 2 + 2) / 3 = 1.67 → at risk
      safe_from_exploiters: 1,
      safe_home: 2,
      safe_online: 2,
      // legal protection: (3 + 3 + 4) / 3 = 3.33 → stable
      civil_documents: 3,
      knows_rights: 3,
      supported_in_justice: 4,
      // mental wellbeing: (2 + 3 + 1) / 3 = 2 exactly → at risk (2 is inside 1–2)
      copes_with_distress: 2,
      self_worth: 3,
      daily_routine: 1,
      // education and livelihood: (3 + 2) / 2 = 2.5 → building, not at risk
      learning: 3,
      skills_income: 2,
      // social support: (4 + 4 + 3) / 3 = 3.67 → stable
      family_bond: 4,
      trusted_people: 4,
      belonging: 3,
      // physical wellbeing: (3 + 3) / 2 = 3 → building (3 is the top of "building")
      health_care: 3,
      basic_needs: 3,
    };
    const score = scoreInstrument(RECOVERY_INSTRUMENT, answers);
    const byDomain = Object.fromEntries(score.domains.map((domain) => [domain.domain, domain]));
    expect(byDomain.safety).toMatchObject({ score: 1.67, band: "at_risk", atRisk: true });
    expect(byDomain.legal_protection).toMatchObject({ score: 3.33, band: "stable", atRisk: false });
    expect(byDomain.mental_wellbeing).toMatchObject({ score: 2, band: "at_risk", atRisk: true });
    expect(byDomain.education_livelihood).toMatchObject({ score: 2.5, band: "building", atRisk: false });
    expect(byDomain.social_support).toMatchObject({ score: 3.67, band: "stable", atRisk: false });
    expect(byDomain.physical_wellbeing).toMatchObject({ score: 3, band: "building", atRisk: false });
    expect(score.atRisk).toEqual(["safety", "mental_wellbeing"]);
    expect(score.complete).toBe(true);
  });

  it("scores as you go: unanswered domains have no score and the assessment is not complete", () => {
    const score = scoreInstrument(RECOVERY_INSTRUMENT, { safe_from_exploiters: 4 });
    expect(score.domains[0]).toMatchObject({ domain: "safety", score: 4, answered: 1, items: 3, atRisk: false });
    expect(score.domains[1]).toMatchObject({ domain: "legal_protection", score: null, atRisk: null, band: null });
    expect(score.complete).toBe(false);
    expect(scoreInstrument(RECOVERY_INSTRUMENT, every(1)).atRisk).toHaveLength(6);
    expect(scoreInstrument(RECOVERY_INSTRUMENT, every(4)).atRisk).toEqual([]);
  });

  it("names answers that are not items or not on the scale", () => {
    expect(invalidAnswers(RECOVERY_INSTRUMENT, { safe_home: 5, made_up: 2, learning: 3 })).toEqual(["safe_home", "made_up"]);
  });
});

describe("an agency's own instrument", () => {
  const own: InstrumentDefinition = {
    code: "stage-of-change",
    version: 1,
    name: { en: "Stage of change", id: "Tahap perubahan", vi: "Giai đoạn thay đổi" },
    source: "Agency",
    termsOfUse: "Internal",
    translationsValidated: false,
    scale: [0, 1, 2].map((value) => ({ value, label: { en: `${value}`, id: `${value}`, vi: `${value}` } })),
    scoring: "sum",
    atRiskAtOrBelow: 1,
    bands: [
      { key: "low", upTo: 1, label: { en: "Low", id: "Rendah", vi: "Thấp" } },
      { key: "high", upTo: 4, label: { en: "High", id: "Tinggi", vi: "Cao" } },
    ],
    domains: [
      {
        id: "awareness",
        planDomain: "psychological",
        label: { en: "Awareness", id: "Kesadaran", vi: "Nhận thức" },
        items: [
          { id: "knows_risk", label: { en: "Knows the risk", id: "Tahu risikonya", vi: "Biết rủi ro" } },
          { id: "plans_ahead", label: { en: "Plans ahead", id: "Merencanakan", vi: "Lên kế hoạch" } },
        ],
      },
    ],
  };

  it("sums when the definition says sum", () => {
    expect(scoreInstrument(own, { knows_risk: 1, plans_ahead: 0 }).domains[0]).toMatchObject({ score: 1, band: "low", atRisk: true });
    expect(scoreInstrument(own, { knows_risk: 2, plans_ahead: 2 }).domains[0]).toMatchObject({ score: 4, band: "high", atRisk: false });
  });

  it("refuses a definition with duplicate ids or an unordered scale", () => {
    const duplicate = { ...own, domains: [own.domains[0], own.domains[0]] };
    expect(instrumentDefinitionSchema.safeParse(duplicate).success).toBe(false);
    const unordered = { ...own, scale: [...own.scale].reverse() };
    expect(instrumentDefinitionSchema.safeParse(unordered).success).toBe(false);
  });
});
