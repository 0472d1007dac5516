/** The words of reintegration milestones (DOMAIN.md), shared by the database, the API and the web. */

/** The areas of a survivor's life a milestone belongs to. */
export const MILESTONE_DOMAINS = ["family", "education", "livelihood", "housing", "health", "legal", "community", "online_safety"] as const;
export type MilestoneDomain = (typeof MILESTONE_DOMAINS)[number];

/**
 * planned → in_progress → achieved, or regressed (after an achievement that did not hold), or
 * not_applicable. Every change is kept as an event, so a regression never overwrites the achievement.
 */
export const MILESTONE_STATUSES = ["planned", "in_progress", "achieved", "regressed", "not_applicable"] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

/** What a milestone event records: a status change, or a supervisor's verification of an achievement or its rejection. */
export const MILESTONE_EVENT_KINDS = ["status", "verified", "verification_rejected"] as const;
export type MilestoneEventKind = (typeof MILESTONE_EVENT_KINDS)[number];

/** The outcome of a post-closure follow-up visit; a serious one may reopen the case. */
export const FOLLOW_UP_OUTCOMES = ["doing_well", "some_concerns", "serious_concerns", "not_reached"] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

/** Days without any contact (an attended appointment or a session) before a case shows on My work. */
export const DEFAULT_NO_CONTACT_DAYS = 30;
