import type { TRPCRouterRecord } from "@trpc/server";

export const timelineRouter = {} satisfies TRPCRouterRecord;
