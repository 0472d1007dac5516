import { z } from "zod";
import { isoDate, optionalText } from "../fields";
import { CASE_STATUSES } from "../cases/vocabulary";
import { FOLLOW_UP_OUTCOMES, type FollowUpOutcome } from "../milestones/vocabulary";

/**
 * Post-closure follow-up (DOMAIN.md: visits about 6 and 12 months after closure). The due dates are
 * set when a closure is approved (`cases.follow_up_dates`); each records one outcome, and a serious
 * one may reopen the case.
 */
export const recordFollowUpInput = z.object({
  caseId: z.uuid(),
  /** One of the case's follow-up dates. */
  dueOn: isoDate,
  outcome: z.enum(FOLLOW_UP_OUTCOMES),
  note: optionalText(2000),
  /** Reopen the case now (only with `serious_concerns`). */
  reopen: z.boolean().default(false),
});
export type RecordFollowUpInput = z.input<typeof recordFollowUpInput>;

/** The outcome that may reopen a case. */
export const REOPENING_FOLLOW_UP_OUTCOME: FollowUpOutcome = "serious_concerns";

export type FollowUpRefusal =
  | "case_not_closed"
  | "unknown_follow_up"
  | "follow_up_not_due"
  | "reopen_needs_serious_outcome";

/**
 * Why a follow-up outcome cannot be recorded, or null. `today` is the agency's calendar date.
 * (Once per date is the database's to say: `follow_up_recorded`.)
 */
export function followUpRefusal(
  input: { dueOn: string; outcome: FollowUpOutcome; reopen: boolean },
  facts: { status: (typeof CASE_STATUSES)[number]; followUpDates: readonly string[] | null; today: string },
): FollowUpRefusal | null {
  if (input.reopen && input.outcome !== REOPENING_FOLLOW_UP_OUTCOME) return "reopen_needs_serious_outcome";
  if (facts.status !== "closed") return "case_not_closed";
  if (!facts.followUpDates?.includes(input.dueOn)) return "unknown_follow_up";
  if (input.dueOn > facts.today) return "follow_up_not_due";
  return null;
}

const person = z.object({ id: z.uuid(), name: z.string() });

export const followUpOutcomeSchema = z.object({
  outcome: z.enum(FOLLOW_UP_OUTCOMES),
  note: z.string().nullable(),
  /** The case was reopened because of it. */
  reopened: z.boolean(),
  recordedBy: person,
  recordedAt: z.date(),
});

export const caseFollowUpsSchema = z.object({
  caseId: z.uuid(),
  caseStatus: z.enum(CASE_STATUSES),
  /** Today in the agency's zone. */
  today: z.string(),
  /** May the reader record outcomes (care team or the team's supervisor, case closed)? */
  canRecord: z.boolean(),
  /**
   * The scheduled dates of the current closure and every date with a recorded outcome (reopening
   * clears the schedule but not what was recorded), oldest first.
   */
  followUps: z.array(
    z.object({
      dueOn: z.string(),
      /** Scheduled for the current closure (false: kept only for its recorded outcome). */
      scheduled: z.boolean(),
      /** Due today or earlier. */
      due: z.boolean(),
      outcome: followUpOutcomeSchema.nullable(),
    }),
  ),
});
export type CaseFollowUps = z.output<typeof caseFollowUpsSchema>;

export const recordedFollowUpSchema = z.object({
  caseId: z.uuid(),
  dueOn: z.string(),
  outcome: z.enum(FOLLOW_UP_OUTCOMES),
  reopened: z.boolean(),
  recordedAt: z.date(),
  /** The case after the change (active when reopened), for the page's next write. */
  caseStatus: z.enum(CASE_STATUSES),
  caseVersion: z.number().int(),
});
export type RecordedFollowUp = z.output<typeof recordedFollowUpSchema>;
