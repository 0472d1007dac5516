import { z } from "zod";
import { ROLES } from "../roles";
import { CLOSURE_REASONS } from "../cases/vocabulary";
import { APPOINTMENT_KINDS, APPOINTMENT_MODES } from "../appointments/vocabulary";
import { RISK_FLAG_KINDS } from "../sessions/vocabulary";
import { MILESTONE_DOMAINS, MILESTONE_STATUSES } from "../milestones/vocabulary";
import { HARM_ITEM_KINDS, TAKEDOWN_CHANNELS } from "../online-harm/vocabulary";
import { MY_WORK_LINK_PAGES, MY_WORK_SECTION_KEYS } from "./vocabulary";

/* ---- Outputs of myWork.get and myWork.counts. tRPC's .output() strips every key not named here. ---- */

const person = z.object({ id: z.uuid(), name: z.string() });

function item<K extends string, F extends z.core.$ZodShape>(kind: K, facts: F) {
  return z.object({
    kind: z.literal(kind),
    caseId: z.uuid(),
    caseNumber: z.string(),
    /** The client's alias; null only where the reader may not open the case (a session booked with them on a case they are not on). */
    alias: z.string().nullable(),
    /** The calendar date the work is due or became due (YYYY-MM-DD, the agency's zone), when it has one. */
    dueOn: z.string().nullable(),
    /** The instant the item is about (an appointment's start, when a note was started…), when it has one. */
    at: z.date().nullable(),
    facts: z.object(facts),
    link: z.object({ page: z.enum(MY_WORK_LINK_PAGES), caseId: z.uuid(), targetId: z.uuid().nullable() }),
  });
}

const milestoneTitle = {
  milestoneId: z.uuid(),
  /** Exactly one of catalogKey and customTitle is set. */
  catalogKey: z.string().nullable(),
  customTitle: z.string().nullable(),
  domain: z.enum(MILESTONE_DOMAINS),
};

export const myWorkItemSchema = z.discriminatedUnion("kind", [
  /* Social worker: the cases on whose care team they are. */
  /** One item per case: the open goals of the plan in force whose review is overdue or due within 7 days; dueOn is the earliest. */
  item("review_due", { goals: z.number().int(), overdueGoals: z.number().int(), overdue: z.boolean() }),
  /** A scheduled appointment that has ended with no outcome recorded (on their cases, or booked with them). at: its end. */
  item("outcome_missing", { appointmentId: z.uuid(), appointmentKind: z.enum(APPOINTMENT_KINDS), startsAt: z.date(), endsAt: z.date(), staff: person }),
  /**
   * An open case with no attended appointment and no session for the agency's no-contact days
   * (counted from the opening when there was never any). dueOn: the day it became due.
   */
  item("no_contact", { lastContactOn: z.string().nullable(), daysWithoutContact: z.number().int(), noContactDays: z.number().int() }),
  /** A milestone still being worked on (planned, in progress, regressed) past its target date (dueOn). */
  item("milestone_overdue", { ...milestoneTitle, status: z.enum(MILESTONE_STATUSES) }),
  /** A post-closure follow-up visit due (dueOn) with no outcome recorded. */
  item("follow_up_due", { closedAt: z.date() }),
  /**
   * A takedown request on one of their care-team cases with no answer by its follow-up day (dueOn,
   * the request's day plus the agency's takedown follow-up days); it goes when its status is updated.
   * Never the item's address: only its kind, the platform's name and the channel.
   */
  item("takedown_follow_up", {
    takedownId: z.uuid(),
    itemKind: z.enum(HARM_ITEM_KINDS),
    platformName: z.string(),
    channel: z.enum(TAKEDOWN_CHANNELS),
    reportedOn: z.string(),
  }),

  /* Counselor. */
  /** Their counseling appointment today (the agency's day), scheduled or attended; the note, if one exists. at: its start. */
  item("session_today", {
    appointmentId: z.uuid(),
    startsAt: z.date(),
    endsAt: z.date(),
    mode: z.enum(APPOINTMENT_MODES),
    status: z.enum(["scheduled", "attended"]),
    /** Their note of this appointment, if started. */
    note: z.object({ id: z.uuid(), status: z.enum(["draft", "signed"]) }).nullable(),
  }),
  /** Their own draft, any age. at: when it was started. */
  item("unsigned_note", { noteId: z.uuid(), sessionDate: z.string(), durationMinutes: z.number().int(), appointmentId: z.uuid().nullable() }),
  /** A positive screen on a note of a case they counsel, not yet reviewed. dueOn: the session's date. No total (the note has it). */
  item("positive_screen", {
    screeningId: z.uuid(),
    noteId: z.uuid(),
    instrumentCode: z.string(),
    sessionDate: z.string(),
    band: z.string().nullable(),
    /** A critical item (e.g. PHQ-A item 9) was answered: same-day review. */
    critical: z.boolean(),
  }),

  /* Supervisor: the cases of the teams they supervise. */
  /** A plan version submitted for approval. at: when submitted. mayDecide is false for their own plan when the agency forbids self-approval. */
  item("plan_to_approve", { planVersionId: z.uuid(), number: z.number().int(), submittedBy: person.nullable(), mayDecide: z.boolean() }),
  /** A pending closure request. at: when requested. */
  item("closure_to_decide", { closureRequestId: z.uuid(), reason: z.enum(CLOSURE_REASONS), requestedBy: person }),
  /** An open risk flag (version: for acknowledging it). at: when raised. */
  item("risk_flag_open", { flagId: z.uuid(), kinds: z.array(z.enum(RISK_FLAG_KINDS)), raisedBy: person, version: z.number().int() }),
  /** An emergency access not yet reviewed, with the reason its user stated. at: when granted. */
  item("break_glass_to_review", { grantId: z.uuid(), user: person, reason: z.string(), expiresAt: z.date() }),
  /** An achievement waiting for verification. dueOn: the day achieved. mayVerify is false for their own achievement. */
  item("milestone_to_verify", { ...milestoneTitle, achievedOn: z.string().nullable(), achievedBy: person.nullable(), mayVerify: z.boolean() }),
]);
export type MyWorkItem = z.output<typeof myWorkItemSchema>;
export type MyWorkItemKind = MyWorkItem["kind"];

export const myWorkSectionSchema = z.object({
  key: z.enum(MY_WORK_SECTION_KEYS),
  role: z.enum(ROLES),
  /** Most urgent first; at most MY_WORK_LIMIT. */
  items: z.array(myWorkItemSchema),
  /** More than MY_WORK_LIMIT items exist. */
  truncated: z.boolean(),
});
export type MyWorkSection = z.output<typeof myWorkSectionSchema>;

/** A supervisor's view of each worker's overdue work on the cases of their teams. */
export const workerOverdueSchema = z.object({
  worker: person,
  /** Overdue reviews of open goals, on the cases where the worker is the primary social worker. */
  overdueReviews: z.number().int(),
  /** Ended appointments booked with the worker that have no outcome. */
  outcomesMissing: z.number().int(),
  /** The worker's drafts left unsigned more than 48 hours. */
  unsignedNotes: z.number().int(),
  /** Open milestones past their target date, on the cases where the worker is the primary social worker. */
  milestonesPastTarget: z.number().int(),
});
export type WorkerOverdue = z.output<typeof workerOverdueSchema>;

export const myWorkSchema = z.object({
  /** Today in the agency's zone (YYYY-MM-DD), the day the items were judged against. */
  today: z.string(),
  timeZone: z.string(),
  /** The sections of every role the user holds (none for an administrator), each possibly empty. */
  sections: z.array(myWorkSectionSchema),
  /** Supervisors only (null otherwise): workers with any overdue work, the most first; at most MY_WORK_LIMIT. */
  teamOverdue: z.array(workerOverdueSchema).nullable(),
});
export type MyWork = z.output<typeof myWorkSchema>;

export const myWorkCountsSchema = z.object({
  /** The sum of the sections: the navigation badge. */
  total: z.number().int(),
  /** Items per section of the user's roles, each at most MY_WORK_LIMIT (MY_WORK_LIMIT means "that many or more"). */
  bySection: z.partialRecord(z.enum(MY_WORK_SECTION_KEYS), z.number().int()),
});
export type MyWorkCounts = z.output<typeof myWorkCountsSchema>;
