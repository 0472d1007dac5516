import { addDays } from "../dates";
import {
  CORE_PLAN_DOMAINS,
  OPEN_GOAL_STATUSES,
  OPTIONAL_PLAN_DOMAINS,
  type GoalStatus,
  type OptionalPlanDomain,
  type PlanDomain,
} from "./vocabulary";

/** The plan domains an agency uses: the three core ones, then the optional ones it switched on. */
export function enabledPlanDomains(optional: readonly OptionalPlanDomain[]): PlanDomain[] {
  return [...CORE_PLAN_DOMAINS, ...OPTIONAL_PLAN_DOMAINS.filter((domain) => optional.includes(domain))];
}

export function isOpenGoal(status: GoalStatus): boolean {
  return (OPEN_GOAL_STATUSES as readonly GoalStatus[]).includes(status);
}

/**
 * The rule that joins assessments and plans: every domain that the latest completed assessment
 * marks at risk needs an open goal that works on it. Returns the domains that have none.
 */
export function uncoveredAtRiskDomains(
  atRiskDomains: readonly string[],
  goals: readonly { outcomeDomain: string | null; status: GoalStatus }[],
): string[] {
  const covered = new Set(goals.filter((goal) => isOpenGoal(goal.status)).map((goal) => goal.outcomeDomain));
  return atRiskDomains.filter((domain) => !covered.has(domain));
}

/**
 * When an open goal of the plan in force is next due for a progress review: the interval after
 * its last review, or after the plan came into force when it has none yet.
 */
export function reviewDueOn(lastReviewedOn: string | null, inForceSince: string, intervalDays: number): string {
  const from = lastReviewedOn && lastReviewedOn > inForceSince ? lastReviewedOn : inForceSince;
  return addDays(from, intervalDays);
}

/**
 * A supervisor decides plans drafted by others; deciding one they drafted, edited or submitted
 * themselves needs the agency's permission.
 */
export function mayDecideOwnPlan(
  actorId: string,
  authors: readonly (string | null)[],
  allowSelfApproval: boolean,
): boolean {
  return allowSelfApproval || !authors.includes(actorId);
}

/** The fields of a goal that a diff compares. */
export interface ComparableGoal {
  key: string;
  domain: PlanDomain;
  title: string;
  description: string | null;
  baseline: string | null;
  target: string | null;
  outcomeDomain: string | null;
  ownerUserId: string | null;
  ownerPartnerId: string | null;
  targetDate: string | null;
  status: GoalStatus;
  interventions: readonly {
    type: string;
    providerPartnerId: string | null;
    providerName: string | null;
    frequency: string | null;
    startDate: string | null;
    endDate: string | null;
  }[];
}

const COMPARED_FIELDS = [
  "domain",
  "title",
  "description",
  "baseline",
  "target",
  "outcomeDomain",
  "ownerUserId",
  "ownerPartnerId",
  "targetDate",
  "status",
] as const satisfies readonly (keyof ComparableGoal)[];
export type ComparedGoalField = (typeof COMPARED_FIELDS)[number] | "interventions";

export interface GoalDiff<G extends ComparableGoal> {
  key: string;
  kind: "added" | "removed" | "changed" | "unchanged";
  before: G | null;
  after: G | null;
  fields: ComparedGoalField[];
}

// Field by field in a fixed order, so the key order of the objects does not matter.
const interventionsText = (goal: ComparableGoal) =>
  JSON.stringify(
    goal.interventions.map((item) => [item.type, item.providerPartnerId, item.providerName, item.frequency, item.startDate, item.endDate]),
  );

/** What changed between two versions of a plan, goal by goal (goals keep their key across versions). */
export function diffPlanGoals<G extends ComparableGoal>(before: readonly G[], after: readonly G[]): GoalDiff<G>[] {
  const earlier = new Map(before.map((goal) => [goal.key, goal]));
  const diffs: GoalDiff<G>[] = after.map((goal) => {
    const old = earlier.get(goal.key);
    if (!old) return { key: goal.key, kind: "added", before: null, after: goal, fields: [] };
    const fields: ComparedGoalField[] = COMPARED_FIELDS.filter((field) => old[field] !== goal[field]);
    if (interventionsText(old) !== interventionsText(goal)) fields.push("interventions");
    return { key: goal.key, kind: fields.length ? "changed" : "unchanged", before: old, after: goal, fields };
  });
  const kept = new Set(after.map((goal) => goal.key));
  for (const goal of before) {
    if (!kept.has(goal.key)) diffs.push({ key: goal.key, kind: "removed", before: goal, after: null, fields: [] });
  }
  return diffs;
}
