import type { TRPCRouterRecord } from "@trpc/server";

// Referrals of a case to partners, and the receiving side for another agency on this installation.
export const referralsRouter = {} satisfies TRPCRouterRecord;
