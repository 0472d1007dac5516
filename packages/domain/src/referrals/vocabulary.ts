/** The words of the partner directory and of referrals between organizations (issue #10). */

/** What a partner organization offers; a referral requests some of them. */
export const PARTNER_SERVICES = [
  "medical_care",
  "mental_health_care",
  "legal_aid",
  "police_report",
  "prosecution_support",
  "shelter",
  "education",
  "vocational_training",
  "economic_support",
  "family_support",
  "content_takedown",
  "hotline_support",
  "other",
] as const;
export type PartnerService = (typeof PARTNER_SERVICES)[number];

/**
 * sent → accepted | declined | withdrawn; accepted → completed | withdrawn. The receiver accepts,
 * declines and completes (with feedback); the sender withdraws.
 */
export const REFERRAL_STATUSES = ["sent", "accepted", "declined", "completed", "withdrawn"] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_TRANSITIONS: Record<ReferralStatus, readonly ReferralStatus[]> = {
  sent: ["accepted", "declined", "withdrawn"],
  accepted: ["completed", "withdrawn"],
  declined: [],
  completed: [],
  withdrawn: [],
};

export const REFERRAL_URGENCIES = ["routine", "soon", "urgent"] as const;
export type ReferralUrgency = (typeof REFERRAL_URGENCIES)[number];

/**
 * What a referral may share, chosen by the social worker: the minimal set. `identity` (legal name,
 * contact, exact address) only while the consent for information sharing is in force.
 */
export const REFERRAL_SHARED_FIELDS = [
  "alias",
  "age_group",
  "sex",
  "languages",
  "harm_types",
  "risk_level",
  "plan_goals",
  "identity",
] as const;
export type ReferralSharedField = (typeof REFERRAL_SHARED_FIELDS)[number];
