import { z } from "zod";
import { isoDate, optionalText, version } from "../fields";
import { ASSESSMENT_TIMEPOINTS } from "./vocabulary";
import { instrumentDefinitionSchema } from "./instrument";

/** A draft is saved whole, as the form holds it; `assessmentId` null starts a new one. */
export const saveAssessmentInput = z.object({
  caseId: z.uuid(),
  assessmentId: z.uuid().nullable(),
  version,
  instrumentCode: z.string().max(40),
  instrumentVersion: z.number().int().positive(),
  timepoint: z.enum(ASSESSMENT_TIMEPOINTS),
  assessedOn: isoDate,
  answers: z.record(z.string().max(40), z.number().int()).default({}),
  note: optionalText(2000),
});
export type SaveAssessmentInput = z.input<typeof saveAssessmentInput>;

export const completeAssessmentInput = z.object({ assessmentId: z.uuid(), version });

export const createInstrumentInput = z.object({ definition: instrumentDefinitionSchema });
