/** The words of a case (DOMAIN.md), as const tuples shared by the database, the API and the web. */
export const CASE_STATUSES = ["intake", "active", "on_hold", "closed"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const RISK_LEVELS = ["low", "medium", "high", "critical"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const HARM_TYPES = [
  "online_sexual_exploitation",
  "online_prostitution",
  "ncii",
  "csam",
  "sextortion",
  "grooming",
  "trafficking",
  "other",
] as const;
export type HarmType = (typeof HARM_TYPES)[number];

export const REFERRAL_SOURCES = [
  "police",
  "hotline",
  "school",
  "health_facility",
  "ngo",
  "platform_report",
  "self",
  "family",
] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

export const SEXES = ["female", "male", "intersex", "unknown"] as const;
export type Sex = (typeof SEXES)[number];

export const CONSENT_SCOPES = ["services", "data_processing", "information_sharing", "referral", "reporting"] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

export const CONSENT_GIVERS = ["client", "guardian"] as const;
export type ConsentGiver = (typeof CONSENT_GIVERS)[number];

export const CARE_TEAM_ROLES = ["primary_social_worker", "social_worker", "counselor"] as const;
export type CareTeamRole = (typeof CARE_TEAM_ROLES)[number];

export const CLOSURE_REASONS = [
  "goals_achieved",
  "transferred",
  "client_declined",
  "moved_away",
  "lost_contact",
  "deceased",
  "other",
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];
