import type { TRPCRouterRecord } from "@trpc/server";

export const milestonesRouter = {} satisfies TRPCRouterRecord;
