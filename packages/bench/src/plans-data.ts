/**
 * Plans, goals, interventions, progress reviews and outcome assessments for one generated case,
 * shaped like the work the issue describes: an intake assessment, a plan approved within weeks,
 * reviews about every 90 days, a revised plan now and then, assessments at 6 months and yearly.
 */
import type { Faker } from "@faker-js/faker";
import type { auditEvents, goalReviews, outcomeAssessments, planGoals, planInterventions, planVersions } from "@lentera/db";
import {
  type AssessmentTimepoint,
  CORE_PLAN_DOMAINS,
  INTERVENTION_TYPES,
  isOpenGoal,
  reviewDueOn,
  type GoalStatus,
  type PlanDomain,
  RECOVERY_INSTRUMENT,
  REVIEW_RATINGS,
  scoreInstrument,
} from "@lentera/domain";

const DAY = 86_400_000;
const REVIEW_DAYS = 90;

export interface PlanRows {
  versions: (typeof planVersions.$inferInsert)[];
  goals: (typeof planGoals.$inferInsert)[];
  interventions: (typeof planInterventions.$inferInsert)[];
  reviews: (typeof goalReviews.$inferInsert)[];
  assessments: (typeof outcomeAssessments.$inferInsert)[];
  audit: (typeof auditEvents.$inferInsert)[];
}

export const emptyPlanRows = (): PlanRows => ({ versions: [], goals: [], interventions: [], reviews: [], assessments: [], audit: [] });

export interface PlanCase {
  agencyId: string;
  caseId: string;
  workerId: string;
  supervisorId: string;
  counselorId: string | null;
  partnerIds: readonly string[];
  openedAt: Date;
  /** The end of the case's life so far: closure, or now. */
  until: Date;
  intakeOnly: boolean;
  closed: boolean;
}

const GOAL_TITLES: Record<PlanDomain, readonly string[]> = {
  physical: ["Completes the course of treatment", "Regular health check-ups", "Sleeps and eats regularly"],
  psychological: ["Fewer nightmares and panic attacks", "Names and uses coping strategies", "Talks about the future with hope"],
  social: ["Back at school", "Safe contact with family", "Joins a peer support group", "Vocational training enrolled"],
  legal: ["Statement given safely"],
  education: ["Attends school regularly"],
  economic: ["First regular income"],
  safety: ["No contact with the exploiter"],
};
const OUTCOME_DOMAIN: Record<string, string> = {
  physical: "physical_wellbeing",
  psychological: "mental_wellbeing",
  social: "social_support",
};
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Answers that improve with time: scores drift up from the intake level, with noise. */
function answersAt(local: Faker, base: number, lift: number): Record<string, number> {
  return Object.fromEntries(
    RECOVERY_INSTRUMENT.domains.flatMap((domain) =>
      domain.items.map((item) => [item.id, Math.max(1, Math.min(4, Math.round(base + lift + local.number.float({ min: -1, max: 1 }))))]),
    ),
  );
}

export function planRowsFor(local: Faker, input: PlanCase, into: PlanRows): void {
  const { agencyId, caseId } = input;
  const span = input.until.getTime() - input.openedAt.getTime();
  const at = (days: number) => new Date(input.openedAt.getTime() + days * DAY);

  // Assessments: intake, 6 months, then yearly, while the case lives.
  const base = local.number.float({ min: 1.2, max: 2.6 });
  const timepoints: [AssessmentTimepoint, number][] = [["intake", 7], ["six_months", 182], ["annual", 365], ["annual", 730]];
  for (const [timepoint, days] of timepoints) {
    if (days * DAY > span) break;
    const answers = answersAt(local, base, days / 365);
    const completedAt = at(days);
    into.assessments.push({
      agencyId,
      caseId,
      instrumentCode: RECOVERY_INSTRUMENT.code,
      instrumentVersion: RECOVERY_INSTRUMENT.version,
      timepoint,
      assessedOn: isoDay(completedAt),
      status: "completed",
      answers,
      domainScores: scoreInstrument(RECOVERY_INSTRUMENT, answers).domains,
      assessedBy: input.counselorId ?? input.workerId,
      completedAt,
      createdAt: completedAt,
      updatedAt: completedAt,
    });
  }
  if (span < 14 * DAY) return;

  // Versions: the first approved about three weeks in, a revision every year or so.
  const versionCount = input.intakeOnly ? 1 : Math.max(1, Math.min(3, Math.floor(span / (400 * DAY)) + local.number.int({ min: 0, max: 1 })));
  let previousKeys: { key: string; domain: PlanDomain; title: string }[] = [];
  for (let n = 1; n <= versionCount; n++) {
    const id = local.string.uuid();
    const draftedAt = at(n === 1 ? 14 : 14 + (n - 1) * 380);
    if (draftedAt > input.until) break;
    const last = n === versionCount;
    const status = input.intakeOnly ? "draft" : last ? "approved" : "superseded";
    const approvedAt = status === "draft" ? null : new Date(Math.min(draftedAt.getTime() + 7 * DAY, input.until.getTime()));
    into.versions.push({
      id,
      agencyId,
      caseId,
      number: n,
      status,
      draftedBy: input.workerId,
      lastEditedBy: input.workerId,
      submittedBy: approvedAt ? input.workerId : null,
      submittedAt: approvedAt ? new Date(approvedAt.getTime() - DAY) : null,
      decidedBy: approvedAt ? input.supervisorId : null,
      decidedAt: approvedAt,
      approvedAt,
      createdAt: draftedAt,
      updatedAt: approvedAt ?? draftedAt,
    });
    if (approvedAt) {
      into.audit.push({ occurredAt: approvedAt, agencyId, actorUserId: input.supervisorId, action: "plan.approved", entityType: "plan_version", entityId: id, caseId });
    }
    // Goals: the core domains always, carried over (same keys) with some added.
    const goals = [...previousKeys];
    const wanted = local.number.int({ min: 3, max: 6 });
    for (const domain of CORE_PLAN_DOMAINS) {
      if (!goals.some((goal) => goal.domain === domain)) goals.push({ key: local.string.uuid(), domain, title: local.helpers.arrayElement(GOAL_TITLES[domain]) });
    }
    while (goals.length < wanted) {
      const domain = local.helpers.arrayElement(CORE_PLAN_DOMAINS);
      goals.push({ key: local.string.uuid(), domain, title: local.helpers.arrayElement(GOAL_TITLES[domain]) });
    }
    previousKeys = goals;
    goals.forEach((goal, position) => {
      const goalId = local.string.uuid();
      const goalStatus: GoalStatus = last ? local.helpers.weightedArrayElement([
        { value: "in_progress" as const, weight: 60 },
        { value: "not_started" as const, weight: 15 },
        { value: "achieved" as const, weight: 20 },
        { value: "discontinued" as const, weight: 5 },
      ]) : "in_progress";
      const partner = input.partnerIds.length > 0 && local.datatype.boolean(0.2) ? local.helpers.arrayElement(input.partnerIds) : null;
      const goalRow: (typeof planGoals.$inferInsert) = {
        id: goalId,
        agencyId,
        caseId,
        planVersionId: id,
        goalKey: goal.key,
        position,
        domain: goal.domain,
        outcomeDomain: OUTCOME_DOMAIN[goal.domain] ?? null,
        title: goal.title,
        baseline: local.datatype.boolean(0.7) ? local.lorem.sentence() : null,
        target: local.lorem.sentence(),
        ownerUserId: partner ? null : goal.domain === "psychological" && input.counselorId ? input.counselorId : input.workerId,
        ownerPartnerId: partner,
        targetDate: isoDay(new Date(draftedAt.getTime() + local.number.int({ min: 90, max: 365 }) * DAY)),
        status: goalStatus,
      };
      into.goals.push(goalRow);
      for (let i = 0; i < local.number.int({ min: 0, max: 2 }); i++) {
        into.interventions.push({
          agencyId,
          goalId,
          position: i,
          type: local.helpers.arrayElement(INTERVENTION_TYPES),
          providerPartnerId: partner,
          providerName: partner ? null : local.company.name(),
          frequency: local.helpers.arrayElement(["weekly", "every two weeks", "monthly"]),
          startDate: isoDay(draftedAt),
        });
      }
      // Reviews of this version's goals about every 90 days while it is in force (some are missed).
      if (!approvedAt) return;
      const end = last ? input.until.getTime() : at(14 + n * 380).getTime();
      let lastReviewedOn: string | null = null;
      for (let day = approvedAt.getTime() + REVIEW_DAYS * DAY; day < end; day += REVIEW_DAYS * DAY) {
        if (!local.datatype.boolean(0.8)) continue;
        const progress = Math.min(100, Math.round(((day - approvedAt.getTime()) / (365 * DAY)) * 60 + local.number.int({ min: 0, max: 25 })));
        lastReviewedOn = isoDay(new Date(day));
        into.reviews.push({
          agencyId,
          caseId,
          goalKey: goal.key,
          planVersionId: id,
          reviewedOn: lastReviewedOn,
          progress,
          rating: local.datatype.boolean(0.3) ? local.helpers.arrayElement(REVIEW_RATINGS) : null,
          note: local.datatype.boolean(0.5) ? local.lorem.sentence() : null,
          reviewedBy: input.workerId,
          createdAt: new Date(day),
        });
      }
      // As the API keeps it: only the open goals of an open case's plan in force have a review due.
      if (last && !input.closed && isOpenGoal(goalStatus)) goalRow.reviewDueOn = reviewDueOn(lastReviewedOn, isoDay(approvedAt), REVIEW_DAYS);
    });
  }
}
