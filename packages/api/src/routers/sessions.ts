import type { TRPCRouterRecord } from "@trpc/server";

export const sessionsRouter = {} satisfies TRPCRouterRecord;
