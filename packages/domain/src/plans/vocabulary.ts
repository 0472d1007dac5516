/** The words of a rehabilitation plan (DOMAIN.md), as const tuples shared by the database, the API and the web. */
export const CORE_PLAN_DOMAINS = ["physical", "psychological", "social"] as const;
/** Domains an agency switches on in its settings. */
export const OPTIONAL_PLAN_DOMAINS = ["legal", "education", "economic", "safety"] as const;
export const PLAN_DOMAINS = [...CORE_PLAN_DOMAINS, ...OPTIONAL_PLAN_DOMAINS] as const;
export type PlanDomain = (typeof PLAN_DOMAINS)[number];
export type OptionalPlanDomain = (typeof OPTIONAL_PLAN_DOMAINS)[number];

export const GOAL_STATUSES = ["not_started", "in_progress", "achieved", "discontinued"] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
/** A goal still being worked on: it can cover an at-risk domain and it is due for reviews. */
export const OPEN_GOAL_STATUSES = ["not_started", "in_progress"] as const satisfies readonly GoalStatus[];

/**
 * draft → submitted → approved | returned; a returned version is edited (back to draft) and
 * submitted again. When a newer version is approved the older one becomes superseded: still
 * readable, no longer in force.
 */
export const PLAN_VERSION_STATUSES = ["draft", "submitted", "returned", "approved", "superseded"] as const;
export type PlanVersionStatus = (typeof PLAN_VERSION_STATUSES)[number];
/** The statuses of the one version per case that is being worked on. */
export const OPEN_PLAN_VERSION_STATUSES = ["draft", "submitted", "returned"] as const satisfies readonly PlanVersionStatus[];
/** The statuses in which the draft can still be edited. */
export const EDITABLE_PLAN_VERSION_STATUSES = ["draft", "returned"] as const satisfies readonly PlanVersionStatus[];

export const INTERVENTION_TYPES = [
  "counseling",
  "psychiatric_care",
  "medical_care",
  "legal_aid",
  "shelter",
  "family_support",
  "education_support",
  "vocational_training",
  "financial_support",
  "peer_support",
  "online_safety",
  "other",
] as const;
export type InterventionType = (typeof INTERVENTION_TYPES)[number];

/** A review can give a rating instead of (or beside) a percentage. */
export const REVIEW_RATINGS = ["regressed", "no_change", "some_progress", "good_progress", "achieved"] as const;
export type ReviewRating = (typeof REVIEW_RATINGS)[number];

export const PARTNER_KINDS = [
  "health",
  "mental_health",
  "legal_aid",
  "police_unit",
  "prosecutor",
  "shelter",
  "school",
  "vocational_training",
  "platform_contact",
  "hotline",
  "ngo",
  "other",
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const DEFAULT_REVIEW_INTERVAL_DAYS = 90;
