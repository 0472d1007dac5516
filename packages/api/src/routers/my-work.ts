import type { TRPCRouterRecord } from "@trpc/server";
import { myWorkCountsSchema, myWorkSchema } from "@lentera/domain";
import { authedProcedure } from "../trpc";
import { myWork, myWorkCounts } from "../my-work/get";

// Every signed-in user has a My work; what is in it follows from their roles and their cases (an
// administrator's is empty). The output schemas strip anything a query might add later.
export const myWorkRouter = {
  get: authedProcedure.output(myWorkSchema).query(({ ctx }) => myWork(ctx)),
  counts: authedProcedure.output(myWorkCountsSchema).query(({ ctx }) => myWorkCounts(ctx)),
} satisfies TRPCRouterRecord;
