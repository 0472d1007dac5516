/** What the referral procedures return, beyond the domain's referralSummarySchema and incomingReferralSchema. */
import { z } from "zod";
import { PARTNER_KINDS, PARTNER_SERVICES, REFERRAL_SHARED_FIELDS, REFERRAL_STATUSES, REFERRAL_URGENCIES } from "@lentera/domain";
import { partnerContactSchema } from "../partners/directory";
import { sharedSnapshotSchema } from "./shared";

/** A sent referral or a decision on one: never the other agency's case. */
export const referralChangeSchema = z.object({
  id: z.uuid(),
  status: z.enum(REFERRAL_STATUSES),
  version: z.number().int(),
  /** The receiver's own case, opened by its acceptance: returned to the receiver only. */
  receiverCaseId: z.uuid().nullable(),
});

/** What a referral letter to an outside partner shows (the web draws the PDF). */
export const referralLetterSchema = z.object({
  referralId: z.uuid(),
  agency: z.object({ name: z.string() }),
  partner: z.object({
    name: z.string(),
    kind: z.enum(PARTNER_KINDS),
    contact: partnerContactSchema,
    services: z.array(z.enum(PARTNER_SERVICES)),
  }),
  services: z.array(z.enum(PARTNER_SERVICES)),
  reason: z.string(),
  urgency: z.enum(REFERRAL_URGENCIES),
  sharedFields: z.array(z.enum(REFERRAL_SHARED_FIELDS)),
  shared: sharedSnapshotSchema,
  status: z.enum(REFERRAL_STATUSES),
  sentAt: z.date(),
  sentBy: z.object({ id: z.uuid(), name: z.string() }),
  generatedAt: z.date(),
});
