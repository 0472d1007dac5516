import { type z } from "zod";
import { DomainError, isFutureDate, type recordReviewInput } from "@lentera/domain";
import { and, eq, goalReviews, planGoals, planVersions } from "@lentera/db";
import type { AuthedContext } from "../trpc";
import { auditCase } from "../cases/audit";
import { lockCaseForPlan } from "./draft";
import { agencyPlanSettings } from "./agency-settings";
import { rescheduleGoal } from "./review-schedule";

/** A dated progress review of a goal of the plan in force; no new plan version is needed. */
export async function recordReview(ctx: AuthedContext, input: z.output<typeof recordReviewInput>) {
  if (isFutureDate(input.reviewedOn, ctx.clock())) throw new DomainError("invalid_input", "date_in_future");
  return ctx.db.transaction(async (tx) => {
    const handle = await lockCaseForPlan(ctx, tx, input.caseId, "review_plan");
    const [goal] = await tx
      .select({
        versionId: planVersions.id,
        approvedAt: planVersions.approvedAt,
        id: planGoals.id,
        status: planGoals.status,
        reviewDueOn: planGoals.reviewDueOn,
      })
      .from(planGoals)
      .innerJoin(planVersions, eq(planVersions.id, planGoals.planVersionId))
      .where(and(eq(planVersions.caseId, handle.id), eq(planVersions.status, "approved"), eq(planGoals.goalKey, input.goalKey)));
    if (!goal) throw new DomainError("not_found", "goal_not_in_force");
    const [review] = await tx
      .insert(goalReviews)
      .values({
        agencyId: ctx.user.agencyId,
        caseId: handle.id,
        goalKey: input.goalKey,
        planVersionId: goal.versionId,
        reviewedOn: input.reviewedOn,
        progress: input.progress,
        rating: input.rating,
        note: input.note ?? null,
        reviewedBy: ctx.user.id,
        createdAt: ctx.clock(),
      })
      .returning({ id: goalReviews.id, reviewedOn: goalReviews.reviewedOn });
    if (!review) throw new Error("review insert returned no row");
    const settings = await agencyPlanSettings(ctx, tx);
    if (goal.approvedAt) await rescheduleGoal(tx, goal, input.reviewedOn, goal.approvedAt, settings.reviewIntervalDays);
    await auditCase(ctx, tx, handle.id, {
      action: "plan.review_recorded",
      entityType: "goal_review",
      entityId: review.id,
      details: { goal: input.goalKey, reviewedOn: input.reviewedOn, progress: input.progress, rating: input.rating },
    });
    return review;
  });
}
