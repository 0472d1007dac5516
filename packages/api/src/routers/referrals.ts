import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import {
  caseIdInput,
  incomingReferralSchema,
  referralDecisionInput,
  referralIdInput,
  referralSummarySchema,
  sendReferralInput,
} from "@lentera/domain";
import { authedProcedure } from "../trpc";
import { sendReferral } from "../referrals/send";
import { decideReferral } from "../referrals/decide";
import { incomingReferrals, referralLetter, referralsByCase } from "../referrals/read";
import { referralChangeSchema, referralLetterSchema } from "../referrals/outputs";

// Referrals of a case to partners, and the receiving side for another agency on this installation.
// Access to each case is decided inside the services by requireCaseAccess() (one rule, in @lentera/domain).
export const referralsRouter = {
  send: authedProcedure
    .input(sendReferralInput)
    .output(referralChangeSchema)
    .mutation(({ ctx, input }) => sendReferral(ctx, input)),
  byCase: authedProcedure
    .input(caseIdInput)
    .output(z.array(referralSummarySchema))
    .query(({ ctx, input }) => referralsByCase(ctx, input.caseId)),
  decide: authedProcedure
    .input(referralDecisionInput)
    .output(referralChangeSchema)
    .mutation(({ ctx, input }) => decideReferral(ctx, input)),
  /** The receiving agency's intake: referrals from other agencies on this installation. */
  incoming: authedProcedure.output(z.array(incomingReferralSchema)).query(({ ctx }) => incomingReferrals(ctx)),
  /** The data of a referral letter to an outside partner (the web draws the PDF). */
  letter: authedProcedure
    .input(referralIdInput)
    .output(referralLetterSchema)
    .mutation(({ ctx, input }) => referralLetter(ctx, input.referralId)),
} satisfies TRPCRouterRecord;
