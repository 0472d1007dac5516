import { z } from "zod";
import { optionalText, text, version } from "../fields";
import { PARTNER_KINDS } from "../plans/vocabulary";
import { PARTNER_SERVICES, REFERRAL_SHARED_FIELDS, REFERRAL_STATUSES, REFERRAL_URGENCIES } from "./vocabulary";

/* ---- Partner directory ---- */

const contact = z.object({
  person: optionalText(200),
  phone: optionalText(50),
  email: z.email({ error: "validation.email" }).max(200).nullable().optional(),
  address: optionalText(500),
  website: optionalText(300),
});

/** A partner organization of the agency; `linkedAgencyId` when it is another agency on this installation. */
export const partnerDetailsInput = z.object({
  name: text(200),
  kind: z.enum(PARTNER_KINDS),
  services: z.array(z.enum(PARTNER_SERVICES)).max(PARTNER_SERVICES.length).default([]),
  /** Regions served (province names or codes as the agency writes them). */
  regions: z.array(text(100)).max(50).default([]),
  contact: contact.default({}),
  linkedAgencyId: z.uuid().nullable().default(null),
});
export const updatePartnerInput = partnerDetailsInput.extend({ partnerId: z.uuid(), version, active: z.boolean() });

/* ---- Referrals ---- */

export const sendReferralInput = z.object({
  caseId: z.uuid(),
  partnerId: z.uuid(),
  services: z.array(z.enum(PARTNER_SERVICES)).min(1, { error: "validation.required" }),
  reason: text(2000),
  urgency: z.enum(REFERRAL_URGENCIES),
  /** What the receiver may learn; `identity` only while information sharing is consented to. */
  shared: z.array(z.enum(REFERRAL_SHARED_FIELDS)).default(["alias"]),
  /** A supervisor sending without the referral consent in force states why (audited, shown on the case). */
  overrideReason: optionalText(1000),
});

export const referralIdInput = z.object({ referralId: z.uuid() });

/** The receiver's answer (accept, decline, complete) or the sender's withdrawal, with feedback. */
export const referralDecisionInput = z.object({
  referralId: z.uuid(),
  version,
  status: z.enum(REFERRAL_STATUSES).exclude(["sent"]),
  feedback: optionalText(2000),
  /** Accepting a referral from another agency on this installation opens the receiver's own case in this team. */
  teamId: z.uuid().optional(),
});

export const referralSummarySchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  partner: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(PARTNER_KINDS), linkedAgency: z.boolean() }),
  services: z.array(z.enum(PARTNER_SERVICES)),
  reason: z.string(),
  urgency: z.enum(REFERRAL_URGENCIES),
  shared: z.array(z.enum(REFERRAL_SHARED_FIELDS)),
  status: z.enum(REFERRAL_STATUSES),
  sentAt: z.date(),
  sentBy: z.object({ id: z.uuid(), name: z.string() }),
  overrideReason: z.string().nullable(),
  decidedAt: z.date().nullable(),
  completedAt: z.date().nullable(),
  feedback: z.string().nullable(),
  version: z.number().int(),
});
export type ReferralSummary = z.output<typeof referralSummarySchema>;

/**
 * What a receiving agency on the same installation sees of an incoming referral: the sender
 * agency's name, the request and the fields shared — never the sender's case id or record.
 */
export const incomingReferralSchema = z.object({
  id: z.uuid(),
  fromAgency: z.string(),
  services: z.array(z.enum(PARTNER_SERVICES)),
  reason: z.string(),
  urgency: z.enum(REFERRAL_URGENCIES),
  status: z.enum(REFERRAL_STATUSES),
  sentAt: z.date(),
  /** The shared fields' values, as chosen by the sender (identity only when consented). */
  shared: z.record(z.string(), z.unknown()),
  /** The receiver's own case opened by accepting, when accepted. */
  receiverCaseId: z.uuid().nullable(),
  feedback: z.string().nullable(),
  version: z.number().int(),
});
export type IncomingReferral = z.output<typeof incomingReferralSchema>;

