import { z } from "zod";
import {
  MILESTONE_DOMAINS,
  MILESTONE_STATUSES,
  type AddCatalogEntryInput,
  type AddMilestoneInput,
  type ChangeMilestoneStatusInput,
  type MilestoneStatus,
  type UpdateMilestoneInput,
  type VerifyMilestoneInput,
} from "@lentera/domain";
import { needsNote } from "./milestone-text";

/** The "Milestone" menu's choice for a milestone of the worker's own words (a catalog key never starts with "_"). */
export const CUSTOM_CHOICE = "__custom";

const MAX_TITLE = 200;
const MAX_NOTE = 2000;
const MAX_LABEL = 500;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const note = z.string().max(MAX_NOTE, { error: "validation.tooLong" });
const dateOrEmpty = z.string().refine((value) => value === "" || ISO_DATE.test(value), { error: "validation.date" });
const domainOrEmpty = z.union([z.enum(MILESTONE_DOMAINS), z.literal("")]);

/** Blank text is no text. */
const textOrNull = (value: string): string | null => (value.trim() === "" ? null : value.trim());

/* ---- Adding a milestone ---- */

export const addFormSchema = z
  .object({
    /** A catalog key, CUSTOM_CHOICE, or "" (nothing chosen yet). */
    choice: z.string().min(1, { error: "validation.required" }),
    customTitle: z.string().max(MAX_TITLE, { error: "validation.tooLong" }),
    domain: domainOrEmpty,
    targetDate: dateOrEmpty,
    goalKey: z.string(),
    evidenceNote: note,
  })
  .superRefine((values, context) => {
    if (values.choice !== CUSTOM_CHOICE) return;
    if (values.customTitle.trim() === "") context.addIssue({ code: "custom", path: ["customTitle"], message: "validation.required" });
    if (values.domain === "") context.addIssue({ code: "custom", path: ["domain"], message: "validation.required" });
  });
export type AddFormValues = z.infer<typeof addFormSchema>;

export const EMPTY_ADD_FORM: AddFormValues = { choice: "", customTitle: "", domain: "", targetDate: "", goalKey: "", evidenceNote: "" };

/** What the API is asked to add: a catalog kind (its domain comes from the catalog) or a custom title with its domain. */
export function addMilestoneRequest(caseId: string, values: AddFormValues): AddMilestoneInput {
  const common = {
    caseId,
    targetDate: values.targetDate === "" ? null : values.targetDate,
    goalKey: values.goalKey === "" ? null : values.goalKey,
    evidenceNote: textOrNull(values.evidenceNote),
  };
  if (values.choice === CUSTOM_CHOICE) {
    return { ...common, customTitle: values.customTitle.trim(), ...(values.domain === "" ? {} : { domain: values.domain }) };
  }
  return { ...common, catalogKey: values.choice };
}

/* ---- Changing the status ---- */

export interface StatusFormValues {
  status: MilestoneStatus | "";
  achievedOn: string;
  /** The milestone's evidence note, asked again when it is achieved. */
  evidenceNote: string;
  note: string;
}

export function statusFormDefaults(milestone: { evidenceNote: string | null }, today: string): StatusFormValues {
  return { status: "", achievedOn: today, evidenceNote: milestone.evidenceNote ?? "", note: "" };
}

/**
 * The status form's rules for a milestone now at `from`: a next status the domain allows, an
 * achievement date that is a date and not after `today`, and a note when leaving `achieved`.
 */
export function statusFormSchema(from: MilestoneStatus, allowed: readonly MilestoneStatus[], today: string) {
  return z
    .object({
      status: z.union([z.enum(MILESTONE_STATUSES), z.literal("")]),
      achievedOn: z.string(),
      evidenceNote: note,
      note,
    })
    .superRefine((values, context) => {
      if (values.status === "" || !allowed.includes(values.status)) {
        context.addIssue({ code: "custom", path: ["status"], message: "validation.required" });
        return;
      }
      if (values.status === "achieved") {
        if (!ISO_DATE.test(values.achievedOn)) context.addIssue({ code: "custom", path: ["achievedOn"], message: "validation.date" });
        else if (values.achievedOn > today) context.addIssue({ code: "custom", path: ["achievedOn"], message: "errors.date_in_future" });
      }
      if (needsNote(from, values.status) && values.note.trim() === "") {
        context.addIssue({ code: "custom", path: ["note"], message: "errors.note_required" });
      }
    });
}

export interface StatusRequests {
  /** The new evidence note to save first (achieving with other evidence than before), or undefined for none. */
  evidenceNote: string | null | undefined;
  /** The status change, without the version (taken after the evidence is saved). */
  change: Omit<ChangeMilestoneStatusInput, "version">;
}

/** The calls a status change makes: the evidence (only when achieving and it changed), then the status. */
export function statusRequests(milestone: { id: string; evidenceNote: string | null }, values: StatusFormValues): StatusRequests {
  if (values.status === "") throw new Error("statusRequests() needs a status");
  const achieving = values.status === "achieved";
  const evidence = textOrNull(values.evidenceNote);
  const noteText = textOrNull(values.note);
  return {
    evidenceNote: achieving && evidence !== (milestone.evidenceNote ?? null) ? evidence : undefined,
    change: {
      milestoneId: milestone.id,
      status: values.status,
      ...(achieving ? { achievedOn: values.achievedOn } : {}),
      ...(noteText ? { note: noteText } : {}),
    },
  };
}

/* ---- Editing the details ---- */

export const editFormSchema = z.object({
  customTitle: z.string().max(MAX_TITLE, { error: "validation.tooLong" }),
  targetDate: dateOrEmpty,
  goalKey: z.string(),
  evidenceNote: note,
});
export type EditFormValues = z.infer<typeof editFormSchema>;

interface EditableMilestone {
  id: string;
  version: number;
  customTitle: string | null;
  targetDate: string | null;
  goalKey: string | null;
  evidenceNote: string | null;
}

export function editFormDefaults(milestone: EditableMilestone): EditFormValues {
  return {
    customTitle: milestone.customTitle ?? "",
    targetDate: milestone.targetDate ?? "",
    goalKey: milestone.goalKey ?? "",
    evidenceNote: milestone.evidenceNote ?? "",
  };
}

/**
 * Only what changed (a field left out stays as it is); a title only for a custom milestone, and
 * never a blank one. Null when nothing changed.
 */
export function editRequest(milestone: EditableMilestone, values: EditFormValues): UpdateMilestoneInput | null {
  const changes: Partial<UpdateMilestoneInput> = {};
  const title = values.customTitle.trim();
  if (milestone.customTitle !== null && title !== "" && title !== milestone.customTitle) changes.customTitle = title;
  const targetDate = values.targetDate === "" ? null : values.targetDate;
  if (targetDate !== milestone.targetDate) changes.targetDate = targetDate;
  const goalKey = values.goalKey === "" ? null : values.goalKey;
  if (goalKey !== milestone.goalKey) changes.goalKey = goalKey;
  const evidenceNote = textOrNull(values.evidenceNote);
  if (evidenceNote !== milestone.evidenceNote) changes.evidenceNote = evidenceNote;
  if (Object.keys(changes).length === 0) return null;
  return { milestoneId: milestone.id, version: milestone.version, ...changes };
}

/* ---- A supervisor's verification ---- */

export type VerifyDecision = VerifyMilestoneInput["decision"];

/** The field message when the decision cannot go as it is (returning needs a note), else null. */
export function verifyRefusal(decision: VerifyDecision, noteText: string): string | null {
  if (noteText.length > MAX_NOTE) return "validation.tooLong";
  return decision === "reject" && noteText.trim() === "" ? "validation.noteRequiredToReject" : null;
}

export function verifyRequest(milestone: { id: string; version: number }, decision: VerifyDecision, noteText: string): VerifyMilestoneInput {
  const trimmed = textOrNull(noteText);
  return { milestoneId: milestone.id, version: milestone.version, decision, ...(trimmed ? { note: trimmed } : {}) };
}

/* ---- A new kind of milestone for the agency's catalog ---- */

const label = z.string().trim().min(1, { error: "validation.required" }).max(MAX_LABEL, { error: "validation.tooLong" });

export const catalogEntryFormSchema = z.object({
  // The predicate narrows the output to a domain.
  domain: domainOrEmpty.refine((value) => value !== "", { error: "validation.required" }),
  en: label,
  id: label,
  vi: label,
});
export type CatalogEntryFormValues = z.input<typeof catalogEntryFormSchema>;

export const EMPTY_CATALOG_ENTRY_FORM: CatalogEntryFormValues = { domain: "", en: "", id: "", vi: "" };

/** The entry to add; its key is made by the server from the English label. */
export function catalogEntryRequest(values: z.output<typeof catalogEntryFormSchema>): AddCatalogEntryInput {
  return { domain: values.domain, label: { en: values.en.trim(), id: values.id.trim(), vi: values.vi.trim() } };
}
