import { z } from "zod";
import { isoDate, optionalText, text, version } from "../fields";
import { localizedText } from "../outcomes/instrument";
import { MILESTONE_DOMAINS, MILESTONE_EVENT_KINDS, MILESTONE_STATUSES } from "./vocabulary";

/** A catalog key: lower case letters, digits and "_", starting with a letter, 2 to 40 characters. */
export const milestoneKey = z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/, { error: "validation.identifier" });

const MAX_TITLE = 200;
const MAX_NOTE = 2000;

/* ---- Inputs ---- */

/** An agency's own kind of milestone; without a key, one is made from the English label. */
export const addCatalogEntryInput = z.object({
  key: milestoneKey.optional(),
  domain: z.enum(MILESTONE_DOMAINS),
  label: localizedText,
});
export type AddCatalogEntryInput = z.input<typeof addCatalogEntryInput>;

/**
 * A milestone on a case: a catalog kind (its domain comes from the catalog) or a custom title
 * (with its domain). It starts `planned`.
 */
export const addMilestoneInput = z
  .object({
    caseId: z.uuid(),
    catalogKey: milestoneKey.optional(),
    customTitle: text(MAX_TITLE).optional(),
    /** Required for a custom milestone; for a catalog one, it may be left out (it must match if given). */
    domain: z.enum(MILESTONE_DOMAINS).optional(),
    targetDate: isoDate.nullable().default(null),
    /** The plan goal (its stable key) this milestone shows progress on. */
    goalKey: z.uuid().nullable().default(null),
    evidenceNote: optionalText(MAX_NOTE).default(null),
  })
  .refine((input) => (input.catalogKey === undefined) !== (input.customTitle === undefined), {
    error: "validation.catalogOrCustom",
    path: ["catalogKey"],
  })
  .refine((input) => input.customTitle === undefined || input.domain !== undefined, {
    error: "validation.required",
    path: ["domain"],
  });
export type AddMilestoneInput = z.input<typeof addMilestoneInput>;

export const milestoneRef = z.object({ milestoneId: z.uuid(), version });

/** Changes the details of a milestone (not its status); a field left out stays, null clears it. */
export const updateMilestoneInput = milestoneRef.extend({
  /** Only a custom milestone has a title to correct. */
  customTitle: text(MAX_TITLE).optional(),
  targetDate: isoDate.nullable().optional(),
  goalKey: z.uuid().nullable().optional(),
  evidenceNote: optionalText(MAX_NOTE),
});
export type UpdateMilestoneInput = z.input<typeof updateMilestoneInput>;

/**
 * A status change. `achievedOn` is required to achieve (and not in the future: the API checks
 * against its clock); with any other status it is dropped. A note says what happened; leaving
 * `achieved` requires one (milestoneTransitionRefusal).
 */
export const changeMilestoneStatusInput = milestoneRef
  .extend({
    status: z.enum(MILESTONE_STATUSES),
    achievedOn: isoDate.optional(),
    note: optionalText(MAX_NOTE),
  })
  .refine((input) => input.status !== "achieved" || input.achievedOn !== undefined, {
    error: "validation.required",
    path: ["achievedOn"],
  })
  .transform((input) => (input.status === "achieved" ? input : { ...input, achievedOn: undefined }));
export type ChangeMilestoneStatusInput = z.input<typeof changeMilestoneStatusInput>;

/** A supervisor's decision on an achievement awaiting verification; rejecting needs a note. */
export const verifyMilestoneInput = milestoneRef
  .extend({
    decision: z.enum(["verify", "reject"]),
    note: optionalText(MAX_NOTE),
  })
  .refine((input) => input.decision === "verify" || Boolean(input.note), {
    error: "validation.noteRequiredToReject",
    path: ["note"],
  });
export type VerifyMilestoneInput = z.input<typeof verifyMilestoneInput>;

/* ---- Outputs: the router's .output() strips every other key. Labels are not resolved here: the
   web looks a catalog key up in `catalog` and shows it in the reader's language. ---- */

const person = z.object({ id: z.uuid(), name: z.string() });

export const milestoneCatalogEntrySchema = z.object({
  key: z.string(),
  domain: z.enum(MILESTONE_DOMAINS),
  label: localizedText,
  /** `default`: Lentera's catalog; `agency`: added by this agency. */
  source: z.enum(["default", "agency"]),
});
export type MilestoneCatalogItem = z.output<typeof milestoneCatalogEntrySchema>;

export const milestoneCatalogSchema = z.object({
  /** May the reader add kinds to the agency's catalog? */
  canManage: z.boolean(),
  /** Defaults first, then the agency's own, each in domain order. */
  entries: z.array(milestoneCatalogEntrySchema),
});
export type MilestoneCatalog = z.output<typeof milestoneCatalogSchema>;

/** One step of a milestone's history (append-only). */
export const milestoneEventSchema = z.object({
  id: z.uuid(),
  kind: z.enum(MILESTONE_EVENT_KINDS),
  /** null on the event that created the milestone. */
  fromStatus: z.enum(MILESTONE_STATUSES).nullable(),
  toStatus: z.enum(MILESTONE_STATUSES),
  /** The date of the achievement this event records or verifies (kept after a regression). */
  achievedOn: z.string().nullable(),
  note: z.string().nullable(),
  actor: person,
  occurredAt: z.date(),
});
export type MilestoneEvent = z.output<typeof milestoneEventSchema>;

export const milestoneSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  /** Exactly one of catalogKey and customTitle is set. */
  catalogKey: z.string().nullable(),
  customTitle: z.string().nullable(),
  domain: z.enum(MILESTONE_DOMAINS),
  status: z.enum(MILESTONE_STATUSES),
  targetDate: z.string().nullable(),
  achievedOn: z.string().nullable(),
  evidenceNote: z.string().nullable(),
  goalKey: z.uuid().nullable(),
  /** The agency required verification when this was achieved. */
  verificationRequired: z.boolean(),
  /** Achieved, verification required, not yet verified. */
  awaitingVerification: z.boolean(),
  /** Who marked the current achievement (null unless achieved): a supervisor cannot verify their own. */
  achievedBy: person.nullable(),
  verifiedBy: person.nullable(),
  verifiedAt: z.date().nullable(),
  createdBy: person,
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number(),
  /** Oldest first. */
  history: z.array(milestoneEventSchema),
});
export type Milestone = z.output<typeof milestoneSchema>;

export const caseMilestonesSchema = z.object({
  /** May the reader add milestones and change them (care team or the team's supervisor, open case)? */
  canTrack: z.boolean(),
  /** May the reader verify achievements (a supervisor of the case's team)? */
  canVerify: z.boolean(),
  /** The agency's current setting: achievements need a supervisor's verification. */
  verificationRequired: z.boolean(),
  milestones: z.array(milestoneSchema),
});
export type CaseMilestones = z.output<typeof caseMilestonesSchema>;
