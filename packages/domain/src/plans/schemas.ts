import { z } from "zod";
import { isoDate, optionalText, text, version } from "../fields";
import { timeZone } from "../appointments/schemas";
import { NOTE_FORMATS } from "../sessions/vocabulary";
import { AGENCY_WIDE_GRANTABLE_ROLES } from "../dashboard/vocabulary";
import {
  GOAL_STATUSES,
  INTERVENTION_TYPES,
  OPTIONAL_PLAN_DOMAINS,
  PARTNER_KINDS,
  PLAN_DOMAINS,
  REVIEW_RATINGS,
} from "./vocabulary";

const endNotBeforeStart = <T extends { startDate?: string | null | undefined; endDate?: string | null | undefined }>(value: T) =>
  !value.startDate || !value.endDate || value.endDate >= value.startDate;

export const interventionInput = z
  .object({
    type: z.enum(INTERVENTION_TYPES),
    /** A partner from the agency's directory, or a provider named in free text (or neither). */
    providerPartnerId: z.uuid().nullable().default(null),
    providerName: optionalText(200).default(null),
    frequency: optionalText(120).default(null),
    startDate: isoDate.nullable().default(null),
    endDate: isoDate.nullable().default(null),
  })
  .refine(endNotBeforeStart, { error: "validation.endBeforeStart", path: ["endDate"] });
export type InterventionInput = z.input<typeof interventionInput>;

export const goalInput = z
  .object({
    /** Stable across versions (the web makes one for a new goal), so reviews and diffs follow the goal. */
    key: z.uuid(),
    domain: z.enum(PLAN_DOMAINS),
    /** The outcome-instrument domain this goal works on (e.g. "safety"), for the at-risk rule. */
    outcomeDomain: z.string().trim().max(64).nullable().default(null),
    title: text(200),
    description: optionalText(2000).default(null),
    baseline: optionalText(1000).default(null),
    target: optionalText(1000).default(null),
    ownerUserId: z.uuid().nullable().default(null),
    ownerPartnerId: z.uuid().nullable().default(null),
    targetDate: isoDate.nullable().default(null),
    status: z.enum(GOAL_STATUSES).default("not_started"),
    interventions: z.array(interventionInput).max(20, { error: "validation.tooMany" }).default([]),
  })
  .refine((goal) => !(goal.ownerUserId && goal.ownerPartnerId), {
    error: "validation.oneOwner",
    path: ["ownerPartnerId"],
  });
export type GoalInput = z.input<typeof goalInput>;
export type GoalValues = z.output<typeof goalInput>;

export const planVersionIdInput = z.object({ versionId: z.uuid() });

/** The whole draft as the editor holds it: goals in their order. */
export const savePlanDraftInput = z.object({
  versionId: z.uuid(),
  version,
  goals: z
    .array(goalInput)
    .max(60, { error: "validation.tooMany" })
    .refine((goals) => new Set(goals.map((goal) => goal.key)).size === goals.length, { error: "validation.duplicateGoal" }),
});
export type SavePlanDraftInput = z.input<typeof savePlanDraftInput>;

export const submitPlanInput = z.object({ versionId: z.uuid(), version });

export const decidePlanInput = z
  .object({
    versionId: z.uuid(),
    version,
    decision: z.enum(["approve", "return"]),
    comment: optionalText(2000),
  })
  .refine((input) => input.decision === "approve" || Boolean(input.comment), {
    error: "validation.commentRequiredToReturn",
    path: ["comment"],
  });

export const recordReviewInput = z
  .object({
    caseId: z.uuid(),
    goalKey: z.uuid(),
    reviewedOn: isoDate,
    progress: z.number().int().min(0, { error: "validation.range" }).max(100, { error: "validation.range" }).nullable().default(null),
    rating: z.enum(REVIEW_RATINGS).nullable().default(null),
    note: optionalText(2000),
  })
  .refine((review) => review.progress !== null || review.rating !== null, {
    error: "validation.progressOrRating",
    path: ["progress"],
  });
export type RecordReviewInput = z.input<typeof recordReviewInput>;

export const agencyPlanSettingsSchema = z.object({
  optionalPlanDomains: z.array(z.enum(OPTIONAL_PLAN_DOMAINS)).transform((list) => [...new Set(list)]),
  allowPlanSelfApproval: z.boolean(),
  reviewIntervalDays: z.number().int().min(7, { error: "validation.range" }).max(365, { error: "validation.range" }),
});
export type AgencyPlanSettings = z.output<typeof agencyPlanSettingsSchema>;
/** Days without contact before a case shows on My work (DEFAULT_NO_CONTACT_DAYS until changed). */
/** The roles granted the agency-wide dashboard (never administrators). */
const agencyWideDashboardRoles = z.array(z.enum(AGENCY_WIDE_GRANTABLE_ROLES)).transform((list) => [...new Set(list)]);
const noContactDays = z.number().int().min(7, { error: "validation.range" }).max(365, { error: "validation.range" });
/** Months after closure before a case is anonymized: at least a year, at most a century. */
const retentionMonths = z.number().int().min(12, { error: "validation.range" }).max(1200, { error: "validation.range" });

/**
 * The settings form's fields; the time zone, the default note format, milestone verification and
 * the no-contact days are optional so a form without them keeps working.
 */
export const updateAgencySettingsInput = agencyPlanSettingsSchema.extend({
  version,
  timeZone: timeZone.optional(),
  defaultNoteFormat: z.enum(NOTE_FORMATS).optional(),
  milestoneVerificationRequired: z.boolean().optional(),
  noContactDays: noContactDays.optional(),
  agencyWideDashboardRoles: agencyWideDashboardRoles.optional(),
  requireTwoFactor: z.boolean().optional(),
  retentionMonths: retentionMonths.optional(),
});
/**
 * What the settings page edits: the plan settings, the agency's time zone, the format new session
 * notes open in, whether an achieved milestone needs a supervisor's verification, and the days
 * without contact before a case shows on My work.
 */
export const agencySettingsFormSchema = agencyPlanSettingsSchema.extend({
  timeZone,
  defaultNoteFormat: z.enum(NOTE_FORMATS),
  milestoneVerificationRequired: z.boolean(),
  noContactDays,
  agencyWideDashboardRoles,
  /** Whether supervisors and administrators must sign in with a second factor. */
  requireTwoFactor: z.boolean(),
  retentionMonths,
});

export const createPartnerInput = z.object({
  name: text(200),
  kind: z.enum(PARTNER_KINDS),
});
