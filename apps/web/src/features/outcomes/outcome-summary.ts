import type { Assessment, Instrument, StoredDomainScore } from "./outcome-types";

export const TRENDS = ["better", "worse", "same"] as const;
export type Trend = (typeof TRENDS)[number];

/**
 * Higher is better on every instrument here: scales run from most to least vulnerable and a domain
 * is at risk at or below a score (DOMAIN.md). Scores are stored rounded to two decimals.
 */
export function trendOf(current: number | null, earlier: number | null | undefined): Trend | null {
  if (current === null || earlier === null || earlier === undefined) return null;
  const difference = Math.round((current - earlier) * 100);
  if (difference > 0) return "better";
  if (difference < 0) return "worse";
  return "same";
}

export interface DomainComparison {
  domain: string;
  score: number | null;
  atRisk: boolean;
  previous: { score: number | null; trend: Trend | null } | null;
  intake: { score: number | null; trend: Trend | null } | null;
}

export interface OutcomeSummary {
  latest: Assessment;
  /** The completed assessment before the latest with the same instrument, if any. */
  previous: Assessment | null;
  /** The first completed intake assessment with the same instrument, unless it is the latest. */
  intake: Assessment | null;
  domains: DomainComparison[];
}

const completedWith = (assessments: readonly Assessment[], code: string) =>
  assessments.filter((assessment) => assessment.status === "completed" && assessment.instrumentCode === code);

function scoreIn(assessment: Assessment | null, domain: string): StoredDomainScore | undefined {
  return assessment?.scores.find((score) => score.domain === domain);
}

/**
 * The latest completed assessment, each domain beside the previous completed one and the intake
 * one of the same instrument. `assessments` come oldest first, as `outcomes.byCase` lists them.
 */
export function summarizeOutcomes(assessments: readonly Assessment[]): OutcomeSummary | null {
  const latest = assessments.filter((assessment) => assessment.status === "completed").at(-1);
  if (!latest) return null;
  const sameInstrument = completedWith(assessments, latest.instrumentCode);
  const index = sameInstrument.findIndex((assessment) => assessment.id === latest.id);
  const previous = index > 0 ? (sameInstrument[index - 1] ?? null) : null;
  const firstIntake = sameInstrument.find((assessment) => assessment.timepoint === "intake");
  const intake = firstIntake && firstIntake.id !== latest.id ? firstIntake : null;

  const domains = latest.scores.map((current): DomainComparison => {
    const before = scoreIn(previous, current.domain);
    const atIntake = scoreIn(intake, current.domain);
    return {
      domain: current.domain,
      score: current.score,
      atRisk: current.atRisk === true,
      previous: before ? { score: before.score, trend: trendOf(current.score, before.score) } : null,
      intake: atIntake ? { score: atIntake.score, trend: trendOf(current.score, atIntake.score) } : null,
    };
  });
  return { latest, previous, intake, domains };
}

export interface ChartPoint {
  assessmentId: string;
  assessedOn: string;
  /** Score by domain id. */
  scores: Record<string, number | null>;
}

/** The completed assessments with one instrument, oldest first: one point per assessment. */
export function scoreSeries(assessments: readonly Assessment[], instrumentCode: string): ChartPoint[] {
  return completedWith(assessments, instrumentCode).map((assessment) => ({
    assessmentId: assessment.id,
    assessedOn: assessment.assessedOn,
    scores: Object.fromEntries(assessment.scores.map((score) => [score.domain, score.score])),
  }));
}

/** The lowest and highest score a domain of this instrument can have: the chart's scale. */
export function scoreRange(definition: Pick<Instrument, "scale" | "scoring" | "domains">): [number, number] {
  const values = definition.scale.map((option) => option.value);
  const low = Math.min(...values);
  const high = Math.max(...values);
  if (definition.scoring === "mean") return [low, high];
  const counts = definition.domains.map((domain) => domain.items.length);
  return [low * Math.min(...counts), high * Math.max(...counts)];
}
