import type { TRPCRouterRecord } from "@trpc/server";

export const supervisionRouter = {} satisfies TRPCRouterRecord;
