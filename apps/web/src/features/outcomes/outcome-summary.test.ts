import { describe, expect, it } from "vitest";
import { RECOVERY_INSTRUMENT, scoreInstrument, type AssessmentTimepoint } from "@lentera/domain";
import { scoreRange, scoreSeries, summarizeOutcomes, trendOf } from "./outcome-summary";
import type { Assessment } from "./outcome-types";

const everyItem = (value: number, overrides: Record<string, number> = {}) => ({
  ...Object.fromEntries(RECOVERY_INSTRUMENT.domains.flatMap((domain) => domain.items.map((item) => [item.id, value]))),
  ...overrides,
});

let sequence = 0;
function assessment(
  timepoint: AssessmentTimepoint,
  assessedOn: string,
  answers: Record<string, number>,
  options: { status?: "draft" | "completed"; instrumentCode?: string } = {},
): Assessment {
  sequence += 1;
  const status = options.status ?? "completed";
  return {
    id: `a${sequence}`,
    instrumentCode: options.instrumentCode ?? RECOVERY_INSTRUMENT.code,
    instrumentVersion: 1,
    timepoint,
    assessedOn,
    status,
    answers,
    scores: scoreInstrument(RECOVERY_INSTRUMENT, answers).domains,
    note: null,
    assessedBy: { id: "u1", name: "Sari" },
    completedAt: status === "completed" ? new Date(`${assessedOn}T10:00:00Z`) : null,
    version: 1,
  };
}

describe("trendOf", () => {
  it("says better when the score rose, worse when it fell, same when equal (to two decimals)", () => {
    expect(trendOf(3, 2)).toBe("better");
    expect(trendOf(1.67, 2)).toBe("worse");
    expect(trendOf(2.33, 2.33)).toBe("same");
    expect(trendOf(2.333, 2.331)).toBe("same");
    expect(trendOf(null, 2)).toBeNull();
    expect(trendOf(2, null)).toBeNull();
    expect(trendOf(2, undefined)).toBeNull();
  });
});

describe("summarizeOutcomes", () => {
  it("is null without a completed assessment (drafts do not count)", () => {
    expect(summarizeOutcomes([])).toBeNull();
    expect(summarizeOutcomes([assessment("intake", "2026-01-05", everyItem(2), { status: "draft" })])).toBeNull();
  });

  it("compares the latest completed assessment with the previous one and with intake", () => {
    const intake = assessment("intake", "2026-01-05", everyItem(1, { learning: 2, skills_income: 2 }));
    const sixMonths = assessment("six_months", "2026-07-05", everyItem(2));
    const draft = assessment("annual", "2026-12-01", everyItem(4), { status: "draft" });
    const annual = assessment("annual", "2027-01-05", everyItem(2, { safe_from_exploiters: 4, safe_home: 4, safe_online: 4, learning: 1, skills_income: 1 }));
    const summary = summarizeOutcomes([intake, sixMonths, draft, annual]);
    expect(summary?.latest.id).toBe(annual.id);
    expect(summary?.previous?.id).toBe(sixMonths.id);
    expect(summary?.intake?.id).toBe(intake.id);
    const byDomain = Object.fromEntries((summary?.domains ?? []).map((domain) => [domain.domain, domain]));
    expect(byDomain.safety).toMatchObject({ score: 4, atRisk: false, previous: { score: 2, trend: "better" }, intake: { score: 1, trend: "better" } });
    expect(byDomain.education_livelihood).toMatchObject({ score: 1, atRisk: true, previous: { score: 2, trend: "worse" }, intake: { score: 2, trend: "worse" } });
    expect(byDomain.social_support).toMatchObject({ score: 2, atRisk: true, previous: { score: 2, trend: "same" }, intake: { score: 1, trend: "better" } });
  });

  it("has no previous or intake comparison for the first completed assessment", () => {
    const only = assessment("intake", "2026-01-05", everyItem(3));
    const summary = summarizeOutcomes([only]);
    expect(summary).toMatchObject({ previous: null, intake: null });
    expect(summary?.domains.every((domain) => domain.previous === null && domain.intake === null)).toBe(true);
  });

  it("compares only assessments taken with the same instrument", () => {
    const other = assessment("intake", "2026-01-01", everyItem(1), { instrumentCode: "agency-own" });
    const first = assessment("six_months", "2026-02-01", everyItem(2));
    const latest = assessment("annual", "2026-03-01", everyItem(3));
    const summary = summarizeOutcomes([other, first, latest]);
    expect(summary?.previous?.id).toBe(first.id);
    // No intake assessment with this instrument.
    expect(summary?.intake).toBeNull();
  });
});

describe("scoreSeries and scoreRange", () => {
  it("gives one point per completed assessment of the instrument, oldest first", () => {
    const list = [
      assessment("intake", "2026-01-05", everyItem(1)),
      assessment("six_months", "2026-07-05", everyItem(2), { status: "draft" }),
      assessment("six_months", "2026-07-06", everyItem(3)),
    ];
    const series = scoreSeries(list, RECOVERY_INSTRUMENT.code);
    expect(series.map((point) => point.assessedOn)).toEqual(["2026-01-05", "2026-07-06"]);
    expect(series[1]?.scores.safety).toBe(3);
  });

  it("scales a mean from the lowest to the highest answer, a sum by the number of items", () => {
    expect(scoreRange(RECOVERY_INSTRUMENT)).toEqual([1, 4]);
    expect(scoreRange({ ...RECOVERY_INSTRUMENT, scoring: "sum" })).toEqual([2, 12]);
  });
});
