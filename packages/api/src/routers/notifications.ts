import type { TRPCRouterRecord } from "@trpc/server";

export const notificationsRouter = {} satisfies TRPCRouterRecord;
