import type { TRPCRouterRecord } from "@trpc/server";
import { timelineInput, timelineSchema } from "@lentera/domain";
import { authedProcedure } from "../trpc";
import { caseTimeline } from "../timeline/read";

// Anyone who may read the case (requireCaseAccess inside the service); the output schema names every
// field an entry may carry, so nothing a query adds later can reach a reader by accident.
export const timelineRouter = {
  byCase: authedProcedure
    .input(timelineInput)
    .output(timelineSchema)
    .query(({ ctx, input }) => caseTimeline(ctx, input)),
} satisfies TRPCRouterRecord;
