import type { TRPCRouterRecord } from "@trpc/server";
import { caseFollowUpsSchema, caseIdInput, recordedFollowUpSchema, recordFollowUpInput } from "@lentera/domain";
import { authedProcedure } from "../trpc";
import { recordFollowUp } from "../follow-ups/record";
import { caseFollowUps } from "../follow-ups/read";

// Access to the case is decided inside the services (requireCaseAccess); the rules of a follow-up
// are followUpRefusal() in @lentera/domain, which the web can use to grey out what would be refused.
export const followUpsRouter = {
  byCase: authedProcedure
    .input(caseIdInput)
    .output(caseFollowUpsSchema)
    .query(({ ctx, input }) => caseFollowUps(ctx, input.caseId)),
  record: authedProcedure
    .input(recordFollowUpInput)
    .output(recordedFollowUpSchema)
    .mutation(({ ctx, input }) => recordFollowUp(ctx, input)),
} satisfies TRPCRouterRecord;
