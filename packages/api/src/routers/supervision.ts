import type { TRPCRouterRecord } from "@trpc/server";
import { acknowledgeFlagInput, caseIdInput, reviewScreeningInput, riskFlagSchema, supervisionQueueSchema } from "@lentera/domain";
import { authedProcedure } from "../trpc";
import { acknowledgeFlag, caseFlagsSchema, flagsOfCase } from "../sessions/flags";
import { supervisionQueue } from "../sessions/queue";
import { reviewScreening, screeningReviewSchema } from "../sessions/screening-reviews";

// Who may do what is decided inside the services: sessionAccess() on a case, the supervisor role for the queue.
// Every answer goes through an output schema, so a column added to a query later cannot reach a reader by accident.
export const supervisionRouter = {
  queue: authedProcedure.output(supervisionQueueSchema).query(({ ctx }) => supervisionQueue(ctx)),
  flagsByCase: authedProcedure
    .input(caseIdInput)
    .output(caseFlagsSchema)
    .query(({ ctx, input }) => flagsOfCase(ctx, input.caseId)),
  acknowledgeFlag: authedProcedure
    .input(acknowledgeFlagInput)
    .output(riskFlagSchema)
    .mutation(({ ctx, input }) => acknowledgeFlag(ctx, input)),
  reviewScreening: authedProcedure
    .input(reviewScreeningInput)
    .output(screeningReviewSchema)
    .mutation(({ ctx, input }) => reviewScreening(ctx, input)),
} satisfies TRPCRouterRecord;
