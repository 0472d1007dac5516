import { isOpenGoal, reviewDueOn, utcDate } from "@lentera/domain";
import { and, eq, goalReviews, isNotNull, ne, planGoals, planVersions, sql, type Executor } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { agencyPlanSettings } from "./agency-settings";

/**
 * Sets when each open goal of the version now in force is next due for review (the rule is
 * reviewDueOn() in @lentera/domain) and clears it on every other version of the case.
 */
export async function scheduleReviews(tx: Executor, caseId: string, versionId: string, approvedAt: Date, intervalDays: number) {
  await tx
    .update(planGoals)
    .set({ reviewDueOn: null })
    .where(and(eq(planGoals.caseId, caseId), ne(planGoals.planVersionId, versionId), isNotNull(planGoals.reviewDueOn)));
  const [goals, lastReviews] = await Promise.all([
    tx.select({ id: planGoals.id, key: planGoals.goalKey, status: planGoals.status }).from(planGoals).where(eq(planGoals.planVersionId, versionId)),
    tx
      .select({ key: goalReviews.goalKey, last: sql<string>`max(${goalReviews.reviewedOn})::text` })
      .from(goalReviews)
      .where(eq(goalReviews.caseId, caseId))
      .groupBy(goalReviews.goalKey),
  ]);
  const last = new Map(lastReviews.map((row) => [row.key, row.last]));
  for (const goal of goals) {
    const due = isOpenGoal(goal.status) ? reviewDueOn(last.get(goal.key) ?? null, utcDate(approvedAt), intervalDays) : null;
    await tx.update(planGoals).set({ reviewDueOn: due }).where(eq(planGoals.id, goal.id));
  }
}

/** After a review: the goal is next due an interval after it (never earlier than the plan's own start). */
export async function rescheduleGoal(
  tx: Executor,
  goal: { id: string; status: Parameters<typeof isOpenGoal>[0]; reviewDueOn: string | null },
  reviewedOn: string,
  approvedAt: Date,
  intervalDays: number,
) {
  if (!isOpenGoal(goal.status)) return;
  const due = reviewDueOn(reviewedOn, utcDate(approvedAt), intervalDays);
  // A review dated before an earlier one does not bring the next one forward.
  if (goal.reviewDueOn && goal.reviewDueOn >= due) return;
  await tx.update(planGoals).set({ reviewDueOn: due }).where(eq(planGoals.id, goal.id));
}

/** A new review interval moves every scheduled review by the difference (due = last review + interval). */
export async function shiftScheduledReviews(tx: Executor, agencyId: string, fromDays: number, toDays: number) {
  if (fromDays === toDays) return;
  await tx
    .update(planGoals)
    .set({ reviewDueOn: sql`${planGoals.reviewDueOn} + ${toDays - fromDays}::int` })
    .where(and(eq(planGoals.agencyId, agencyId), isNotNull(planGoals.reviewDueOn)));
}

/** A closed case has no reviews due (the overdue list reads only open cases' goals). */
export async function clearScheduledReviews(tx: Executor, caseId: string) {
  await tx.update(planGoals).set({ reviewDueOn: null }).where(and(eq(planGoals.caseId, caseId), isNotNull(planGoals.reviewDueOn)));
}

/** A reopened case's plan in force is due for review again. */
export async function scheduleReviewsOfPlanInForce(ctx: AuthedContext, tx: Executor, caseId: string) {
  const [inForce] = await tx
    .select({ id: planVersions.id, approvedAt: planVersions.approvedAt })
    .from(planVersions)
    .where(and(eq(planVersions.caseId, caseId), eq(planVersions.status, "approved")));
  if (!inForce?.approvedAt) return;
  const settings = await agencyPlanSettings(ctx, tx);
  await scheduleReviews(tx, caseId, inForce.id, inForce.approvedAt, settings.reviewIntervalDays);
}
