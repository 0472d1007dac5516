import { z } from "zod";
import { CASE_STATUSES, CLOSURE_REASONS, CONSENT_GIVERS, CONSENT_SCOPES, REFERRAL_SOURCES } from "../cases/vocabulary";
import { ASSESSMENT_TIMEPOINTS } from "../outcomes/vocabulary";
import { APPOINTMENT_KINDS, APPOINTMENT_MODES } from "../appointments/vocabulary";
import { NOTE_STATUSES, SESSION_MODALITIES } from "../sessions/vocabulary";
import { FOLLOW_UP_OUTCOMES, MILESTONE_DOMAINS, MILESTONE_STATUSES } from "../milestones/vocabulary";
import { TIMELINE_KINDS, TIMELINE_MAX_PAGE_SIZE, TIMELINE_PAGE_SIZE } from "./vocabulary";

/** Where the previous page ended: the last entry's `at` and `id`. */
export const timelineCursorSchema = z.object({ at: z.date(), id: z.string().max(200) });
export type TimelineCursor = z.output<typeof timelineCursorSchema>;

export const timelineInput = z.object({
  caseId: z.uuid(),
  /** Only these kinds (all when absent or empty). */
  kinds: z
    .array(z.enum(TIMELINE_KINDS))
    .max(TIMELINE_KINDS.length)
    .transform((kinds) => [...new Set(kinds)])
    .optional(),
  /** The next page: entries older than this one. */
  before: timelineCursorSchema.optional(),
  limit: z.number().int().min(1).max(TIMELINE_MAX_PAGE_SIZE).default(TIMELINE_PAGE_SIZE),
});
export type TimelineInput = z.input<typeof timelineInput>;

/* ---- Output. Every entry carries facts, never free text: no note, reason, comment or evidence
   written by a person, no session content, no screening total, for any reader (the timeline is not
   the clinical chart). tRPC's .output() strips every key not named here. ---- */

const person = z.object({ id: z.uuid(), name: z.string() });

function entry<K extends string, A extends string, F extends z.core.$ZodShape, L extends z.core.$ZodShape>(
  kind: K,
  action: A,
  facts: F,
  link: L,
) {
  return z.object({
    /** Unique in the case's timeline and stable between reads (the paging cursor uses it). */
    id: z.string(),
    /** When it happened; entries come newest first. */
    at: z.date(),
    kind: z.literal(kind),
    action: z.literal(action),
    /** Who did it; null when nobody is recorded. */
    actor: person.nullable(),
    facts: z.object(facts),
    /** What the entry opens. */
    link: z.object(link),
  });
}

const appointmentFacts = {
  appointmentKind: z.enum(APPOINTMENT_KINDS),
  mode: z.enum(APPOINTMENT_MODES),
  startsAt: z.date(),
  endsAt: z.date(),
  staff: person,
};
const appointmentLink = { appointmentId: z.uuid() };
const milestoneFacts = {
  /** Exactly one of catalogKey and customTitle is set. */
  catalogKey: z.string().nullable(),
  customTitle: z.string().nullable(),
  domain: z.enum(MILESTONE_DOMAINS),
  fromStatus: z.enum(MILESTONE_STATUSES).nullable(),
  toStatus: z.enum(MILESTONE_STATUSES),
  achievedOn: z.string().nullable(),
};
const milestoneLink = { milestoneId: z.uuid() };
const planLink = { planVersionId: z.uuid() };
const closureFacts = { reason: z.enum(CLOSURE_REASONS) };
const noLink = {};

export const timelineEntrySchema = z.discriminatedUnion("action", [
  entry("intake", "case_opened", { caseNumber: z.string(), referralSource: z.enum(REFERRAL_SOURCES) }, noLink),
  /** intake → active, active ↔ on_hold. */
  entry("status", "status_changed", { from: z.enum(CASE_STATUSES).nullable(), to: z.enum(CASE_STATUSES) }, noLink),
  entry("status", "case_reopened", {}, noLink),
  entry("status", "closure_requested", closureFacts, noLink),
  /** The supervisor approved the closure: the case closed. */
  entry("status", "closure_approved", closureFacts, noLink),
  entry("status", "closure_returned", closureFacts, noLink),
  entry(
    "consent",
    "consent_recorded",
    {
      scope: z.enum(CONSENT_SCOPES),
      givenBy: z.enum(CONSENT_GIVERS),
      givenOn: z.string(),
      expiresOn: z.string().nullable(),
    },
    { consentId: z.uuid() },
  ),
  entry("consent", "consent_withdrawn", { scope: z.enum(CONSENT_SCOPES), withdrawnOn: z.string() }, { consentId: z.uuid() }),
  /** No scores: the outcomes tab shows them. */
  entry(
    "assessment",
    "assessment_completed",
    { instrumentCode: z.string(), timepoint: z.enum(ASSESSMENT_TIMEPOINTS), assessedOn: z.string() },
    { assessmentId: z.uuid() },
  ),
  entry("plan", "plan_submitted", { number: z.number().int() }, planLink),
  entry("plan", "plan_approved", { number: z.number().int() }, planLink),
  entry("plan", "plan_returned", { number: z.number().int() }, planLink),
  /** `at` is when it was booked. */
  entry("appointment", "appointment_booked", appointmentFacts, appointmentLink),
  /** `at` is when the appointment began. */
  entry("appointment", "appointment_outcome", { ...appointmentFacts, outcome: z.enum(["attended", "no_show"]) }, appointmentLink),
  entry("appointment", "appointment_cancelled", appointmentFacts, appointmentLink),
  entry(
    "appointment",
    "appointment_rescheduled",
    { ...appointmentFacts, rescheduledTo: z.object({ appointmentId: z.uuid(), startsAt: z.date() }).nullable() },
    appointmentLink,
  ),
  /**
   * That a session took place, the same for every reader: when, how long, how, who, whether the
   * note is signed. `at` is the appointment's start, or the start of the session's day.
   */
  entry(
    "session",
    "session_held",
    {
      sessionDate: z.string(),
      durationMinutes: z.number().int(),
      modality: z.enum(SESSION_MODALITIES),
      counselor: person,
      attendance: z.enum(["attended", "no_show", "scheduled"]),
      status: z.enum(NOTE_STATUSES),
    },
    {
      /** Only for a reader who may open the note (counselors on the case, the team's supervisors). */
      noteId: z.uuid().nullable(),
      appointmentId: z.uuid().nullable(),
    },
  ),
  entry("milestone", "milestone_status", milestoneFacts, milestoneLink),
  entry("milestone", "milestone_verified", milestoneFacts, milestoneLink),
  entry("milestone", "milestone_verification_rejected", milestoneFacts, milestoneLink),
  entry(
    "follow_up",
    "follow_up_recorded",
    { dueOn: z.string(), outcome: z.enum(FOLLOW_UP_OUTCOMES), reopened: z.boolean() },
    noLink,
  ),
]);
export type TimelineEntry = z.output<typeof timelineEntrySchema>;

export const timelineSchema = z.object({
  caseId: z.uuid(),
  /** Whether the reader may open session notes (the entries' noteId is set only then). */
  clinical: z.boolean(),
  /** Newest first. */
  entries: z.array(timelineEntrySchema),
  /** Pass as `before` for the older entries; null when there are none. */
  nextCursor: timelineCursorSchema.nullable(),
});
export type Timeline = z.output<typeof timelineSchema>;
