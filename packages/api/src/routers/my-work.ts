import type { TRPCRouterRecord } from "@trpc/server";

export const myWorkRouter = {} satisfies TRPCRouterRecord;
