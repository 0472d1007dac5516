import type { TRPCRouterRecord } from "@trpc/server";

export const followUpsRouter = {} satisfies TRPCRouterRecord;
