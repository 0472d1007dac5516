import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { caseIdInput, decidePlanInput, planVersionIdInput, recordReviewInput, savePlanDraftInput, submitPlanInput } from "@lentera/domain";
import { authedProcedure } from "../trpc";
import { getPlan, getPlanVersion, overdueReviews, planOwnerOptions } from "../plans/read";
import { saveDraft, startDraft } from "../plans/draft";
import { decidePlan, submitPlan } from "../plans/approval";
import { recordReview } from "../plans/reviews";

// Access to each case is decided inside the services by requireCaseAccess() (one rule, in @lentera/domain).
export const plansRouter = {
  byCase: authedProcedure.input(caseIdInput).query(({ ctx, input }) => getPlan(ctx, input.caseId)),
  version: authedProcedure.input(planVersionIdInput).query(({ ctx, input }) => getPlanVersion(ctx, input.versionId)),
  ownerOptions: authedProcedure.input(caseIdInput).query(({ ctx, input }) => planOwnerOptions(ctx, input.caseId)),
  startDraft: authedProcedure.input(caseIdInput).mutation(({ ctx, input }) => startDraft(ctx, input.caseId)),
  saveDraft: authedProcedure.input(savePlanDraftInput).mutation(({ ctx, input }) => saveDraft(ctx, input)),
  submit: authedProcedure.input(submitPlanInput).mutation(({ ctx, input }) => submitPlan(ctx, input)),
  decide: authedProcedure.input(decidePlanInput).mutation(({ ctx, input }) => decidePlan(ctx, input)),
  recordReview: authedProcedure.input(recordReviewInput).mutation(({ ctx, input }) => recordReview(ctx, input)),
  overdueReviews: authedProcedure
    .input(z.object({ limit: z.number().int().min(1).max(200).default(50) }).default({ limit: 50 }))
    .query(({ ctx, input }) => overdueReviews(ctx, input)),
} satisfies TRPCRouterRecord;
