import type { TRPCRouterRecord } from "@trpc/server";

// The online-harm record of a case: items found online, takedown requests, the evidence log and the legal process.
export const onlineHarmRouter = {} satisfies TRPCRouterRecord;
