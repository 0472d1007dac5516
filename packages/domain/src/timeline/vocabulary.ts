/** The words of a case's timeline: one chronological view of the case's life (issue 7). */

/** What a timeline entry is about; the reader filters by these. */
export const TIMELINE_KINDS = [
  "intake",
  "status",
  "consent",
  "assessment",
  "plan",
  "appointment",
  "session",
  "milestone",
  "follow_up",
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** What happened, by kind. Each action has its own facts (see timelineEntrySchema). */
export const TIMELINE_ACTIONS = {
  intake: ["case_opened"],
  status: ["status_changed", "case_reopened", "closure_requested", "closure_approved", "closure_returned"],
  consent: ["consent_recorded", "consent_withdrawn"],
  assessment: ["assessment_completed"],
  plan: ["plan_submitted", "plan_approved", "plan_returned"],
  appointment: ["appointment_booked", "appointment_outcome", "appointment_cancelled", "appointment_rescheduled"],
  session: ["session_held"],
  milestone: ["milestone_status", "milestone_verified", "milestone_verification_rejected"],
  follow_up: ["follow_up_recorded"],
} as const satisfies Record<TimelineKind, readonly string[]>;
export type TimelineAction = (typeof TIMELINE_ACTIONS)[TimelineKind][number];

/** Entries per page: the default, and the most one request may ask for. */
export const TIMELINE_PAGE_SIZE = 200;
export const TIMELINE_MAX_PAGE_SIZE = 500;
