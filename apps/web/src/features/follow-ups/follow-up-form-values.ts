import { z } from "zod";
import { FOLLOW_UP_OUTCOMES, REOPENING_FOLLOW_UP_OUTCOME, type RecordFollowUpInput } from "@lentera/domain";

/** The record form: an outcome, a note that may stay empty, and (serious concerns only) reopening. */
export const followUpFormSchema = z.object({
  outcome: z.enum(FOLLOW_UP_OUTCOMES),
  note: z.string().max(2000, "validation.tooLong"),
  // A disabled box has no value: the outcome is not a serious one.
  reopen: z.boolean().optional(),
});

export type FollowUpFormValues = z.input<typeof followUpFormSchema>;
export type FollowUpFormOutput = z.output<typeof followUpFormSchema>;

/** What followUps.record is sent: no empty note, and reopening only with the outcome that allows it. */
export function followUpRequest(
  caseId: string,
  dueOn: string,
  values: FollowUpFormOutput,
): RecordFollowUpInput & { reopen: boolean } {
  const note = values.note.trim();
  return {
    caseId,
    dueOn,
    outcome: values.outcome,
    ...(note ? { note } : {}),
    reopen: values.outcome === REOPENING_FOLLOW_UP_OUTCOME && values.reopen === true,
  };
}
