import type { Role } from "../roles";

/**
 * "My work": what each person must do today, derived from the data at request time (no task table
 * that could drift). The sections each role sees, in the order the page shows them.
 */
export const MY_WORK_SECTIONS = {
  social_worker: ["review_due", "outcome_missing", "no_contact", "milestone_overdue", "follow_up_due", "takedown_follow_up"],
  counselor: ["session_today", "unsigned_note", "positive_screen"],
  supervisor: ["plan_to_approve", "closure_to_decide", "risk_flag_open", "break_glass_to_review", "milestone_to_verify"],
  // Administrators manage accounts and settings, not case content: nothing here.
  admin: [],
} as const satisfies Record<Role, readonly string[]>;

export const MY_WORK_SECTION_KEYS = [
  ...MY_WORK_SECTIONS.social_worker,
  ...MY_WORK_SECTIONS.counselor,
  ...MY_WORK_SECTIONS.supervisor,
] as const;
export type MyWorkSectionKey = (typeof MY_WORK_SECTION_KEYS)[number];

/** Where an item is done: the web turns it into a route with the item's caseId and targetId. */
export const MY_WORK_LINK_PAGES = [
  /** The case page (no contact: book or log something). */
  "case",
  /** The case's plan tab (reviews due, plans to approve). */
  "plan",
  /** The case's appointments, targetId the appointment (record the outcome, log the session). */
  "appointment",
  /** A session note, targetId the note (sign it, read it). */
  "session_note",
  /** The case's milestones, targetId the milestone. */
  "milestone",
  /** The case's post-closure follow-ups, targetId null (the item's dueOn names the visit). */
  "follow_up",
  /** The case's risk flags, targetId the flag. */
  "risk_flag",
  /** The pending closure request on the case page, targetId the request. */
  "closure",
  /** The emergency-access log, targetId the grant. */
  "break_glass",
] as const;
export type MyWorkLinkPage = (typeof MY_WORK_LINK_PAGES)[number];

/** At most this many items per section (and the most a section's count says). */
export const MY_WORK_LIMIT = 100;
/** A plan review shows this many days before it is due. */
export const REVIEW_DUE_SOON_DAYS = 7;
